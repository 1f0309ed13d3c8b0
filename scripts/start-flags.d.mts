/** The Node flags the server starts with (npm start, `twofold serve`, the bench); its DATABASE_URL chooses. */
export function startFlags(env?: Record<string, string | undefined>): string[];

/** The environment variables to add for a server that will run with `env` (its DATABASE_URL chooses). */
export function startEnv(env?: Record<string, string | undefined>): Record<string, string>;
