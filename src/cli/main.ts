// The command line: `npx twofold <command>` (bin/twofold.mjs bundles and runs this file).
import { type Args, parseArgs, UsageError } from './args';
import { createAdmin, demo, exportCommand, importCommand, migrate, restoreCommand } from './commands';

type Command = { usage: string; help: string; run: (args: Args) => Promise<number> };

const commands: Record<string, Command> = {
  serve: {
    usage: 'twofold serve',
    help: 'Start the server (the same as npm start): migrates, seeds the demo when asked, listens on PORT.',
    run: async () => {
      await import('../server/main');
      // The server keeps the process alive; its own signal handlers end it.
      return new Promise<number>(() => {});
    },
  },
  migrate: {
    usage: 'twofold migrate',
    help: 'Bring the database (DATABASE_URL, or the embedded one under DATA_DIR) to the current schema.',
    run: migrate,
  },
  'create-admin': {
    usage:
      'twofold create-admin --email <email> [--name <name>] [--password <pw>] [--workspace <id> | --workspace-name <name>]',
    help: 'Create an account that owns a new workspace, or make an account an admin of --workspace. Without --password it is asked for (or read from stdin). An account restored without a password gets this one.',
    run: createAdmin,
  },
  demo: {
    usage: 'twofold demo',
    help: 'Seed the Northwind Studio demo workspace into an empty database.',
    run: demo,
  },
  export: {
    usage: 'twofold export --workspace <id> > workspace.json',
    help: 'Write the whole workspace as one JSON document (docs/export-format.md) to stdout.',
    run: exportCommand,
  },
  restore: {
    usage: 'twofold restore (--workspace <id> | --new) [file] < workspace.json',
    help: 'Restore an exported document into an empty workspace, or into a new one with --new. Every id is fresh; people are matched by email or created without a password. Prints the workspace id.',
    run: restoreCommand,
  },
  import: {
    usage: 'twofold import <file.csv> --workspace <id> --entity <clients|contacts|relationships>',
    help: 'Import a CSV file into a workspace with the suggested column mapping, showing progress.',
    run: importCommand,
  },
};

function overview(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(13)} ${c.help.split('. ')[0]}`);
  return `Usage: twofold <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nEach command has --help. The database is chosen like the server's: DATABASE_URL, else DATA_DIR.\n`;
}

/** Runs one command; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(overview());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command: ${name}\n\n${overview()}`);
    return 1;
  }
  const args = parseArgs(rest);
  if (args.flags.help || args.flags.h) {
    process.stdout.write(`Usage: ${command.usage}\n\n${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (err) {
    const usage = err instanceof UsageError;
    process.stderr.write(
      `twofold ${name}: ${(err as Error).message}\n${usage ? `Usage: ${command.usage}\n` : ''}`,
    );
    return usage ? 2 : 1;
  }
}
