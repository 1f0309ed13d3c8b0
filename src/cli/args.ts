/** `--name value`, `--name=value` and `--flag`; everything else is positional. */
export type Args = { positional: string[]; flags: Record<string, string | true> };

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) flags[a.slice(2)] = argv[++i]!;
    else flags[a.slice(2)] = true;
  }
  return { positional, flags };
}

export class UsageError extends Error {}

export function text(args: Args, name: string, required = true): string | undefined {
  const v = args.flags[name];
  if (typeof v === 'string' && v.length) return v;
  if (required) throw new UsageError(`--${name} is required`);
  return undefined;
}

/** A terminal progress bar on stderr (stdout stays for data), redrawn in place. */
export function progressBar(label: string, out: NodeJS.WriteStream = process.stderr) {
  let last = -1;
  return (done: number, total: number) => {
    const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
    if (pct === last) return;
    last = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const line = `${label} ${bar} ${pct}% (${done}/${total})`;
    if (out.isTTY) out.write(`\r${line}${pct === 100 ? '\n' : ''}`);
    else if (pct === 100 || pct % 10 === 0) out.write(`${line}\n`);
  };
}
