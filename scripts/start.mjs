// `npm start`: the server's TypeScript bundled and run with plain Node (scripts/bundle.mjs).
import { bundleAndImport } from './bundle.mjs';

await bundleAndImport('src/server/main.ts', 'dist/server/main.mjs');
