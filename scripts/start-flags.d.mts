/** The Node flags `npm start` gives the server (package.json's start script). */
export function startFlags(): string[];

/** The environment variables `npm start` sets in front of `node` (package.json's start script). */
export function startEnv(): Record<string, string>;
