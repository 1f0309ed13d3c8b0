import { describe, expect, it } from 'vitest';
import { firstScreenData } from './app';

const id = '98089bd9-c015-40d1-8af8-efface76a715';

describe('the first screen’s data, preloaded with the page', () => {
  it('is the portfolio for a signed-in member opening a workspace’s home', () => {
    expect(firstScreenData(`/w/${id}`, true)).toBe(`/api/v1/workspaces/${id}/insights/portfolio`);
    expect(firstScreenData(`/w/${id}/`, true)).toBe(`/api/v1/workspaces/${id}/insights/portfolio`);
  });

  it('is nothing without a session, on any other page, or for a path that names no workspace', () => {
    expect(firstScreenData(`/w/${id}`, false)).toBeNull();
    expect(firstScreenData(`/w/${id}/relationships`, true)).toBeNull();
    expect(firstScreenData('/login', true)).toBeNull();
    expect(firstScreenData('/w/not-a-workspace', true)).toBeNull();
    expect(firstScreenData(`/w/${id}>; rel=preload`, true)).toBeNull();
  });
});
