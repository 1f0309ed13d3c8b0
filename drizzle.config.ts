import { defineConfig } from 'drizzle-kit';

// drizzle-kit reads every feature's *.table.ts; the db layer itself knows no feature.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/**/*.table.ts',
  out: './drizzle',
});
