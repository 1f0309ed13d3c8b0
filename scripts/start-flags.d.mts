/** The Node flags the server starts with (npm start, `twofold serve`, the bench). */
export function startFlags(): string[];

/** The environment variables to add for a server that will run with `env` (its DATABASE_URL chooses). */
export function startEnv(env?: Record<string, string | undefined>): Record<string, string>;
