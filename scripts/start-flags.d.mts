/** The Node flags `npm start` gives the server (package.json's start script). */
export function startFlags(): string[];
