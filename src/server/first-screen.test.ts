import { describe, expect, it } from 'vitest';
import { firstScreenData } from './app';
import { entryFiles, homeScreenFiles, type Manifest } from './platform/first-screen-code';

const id = '98089bd9-c015-40d1-8af8-efface76a715';

describe('the first screen’s data, preloaded with the page', () => {
  it('is who is signed in and the portfolio, for a signed-in member opening a workspace’s home', () => {
    const home = ['/api/v1/me', `/api/v1/workspaces/${id}/insights/portfolio`];
    expect(firstScreenData(`/w/${id}`, true)).toEqual(home);
    expect(firstScreenData(`/w/${id}/`, true)).toEqual(home);
  });

  it('is nothing without a session, on any other page, or for a path that names no workspace', () => {
    expect(firstScreenData(`/w/${id}`, false)).toEqual([]);
    expect(firstScreenData(`/w/${id}/relationships`, true)).toEqual([]);
    expect(firstScreenData('/login', true)).toEqual([]);
    expect(firstScreenData('/w/not-a-workspace', true)).toEqual([]);
    expect(firstScreenData(`/w/${id}>; rel=preload`, true)).toEqual([]);
  });
});

describe('the home page’s code, preloaded with the page', () => {
  const manifest: Manifest = {
    'index.html': { file: 'assets/index-a.js', isEntry: true, css: ['assets/index-a.css'] },
    '_mantine-b.js': { file: 'assets/mantine-b.js', imports: ['index.html'] },
    '_common-c.js': { file: 'assets/common-c.js', imports: ['_mantine-b.js', 'index.html'] },
    'ui/Shell.tsx': {
      file: 'assets/Shell-d.js',
      imports: ['_mantine-b.js', 'index.html', '_common-c.js'],
      css: ['assets/Shell-d.css'],
    },
    'features/home/HomePage.tsx': { file: 'assets/HomePage-e.js', imports: ['_common-c.js', 'index.html'] },
    'features/other/OtherPage.tsx': { file: 'assets/OtherPage-f.js', imports: ['index.html'] },
  };

  it('is the shell and the home screen with every chunk they import, each once, dependencies first', () => {
    expect(homeScreenFiles(manifest)).toEqual({
      scripts: ['/assets/mantine-b.js', '/assets/common-c.js', '/assets/Shell-d.js', '/assets/HomePage-e.js'],
      styles: ['/assets/Shell-d.css'],
    });
  });

  it('leaves out the initial script (already in the page) and any other screen', () => {
    const { scripts } = homeScreenFiles(manifest);
    expect(scripts).not.toContain('/assets/index-a.js');
    expect(scripts).not.toContain('/assets/OtherPage-f.js');
    expect(homeScreenFiles({})).toEqual({ scripts: [], styles: [] });
  });

  it('names the initial script and its styles apart, to go before the data', () => {
    expect(entryFiles(manifest)).toEqual({
      scripts: ['/assets/index-a.js'],
      styles: ['/assets/index-a.css'],
    });
    expect(entryFiles({})).toEqual({ scripts: [], styles: [] });
  });
});
