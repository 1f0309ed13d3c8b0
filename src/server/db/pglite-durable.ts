import { fsyncSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * PGlite out of the box never reaches the disk's platter on commit (ADR 005): it starts PostgreSQL with
 * `-F` (fsync off), and Emscripten's NODEFS has no fsync (the call returns success and does nothing).
 * A killed process loses nothing (its writes sit in the OS page cache), but a power cut can lose recent
 * commits or corrupt the folder. Here PostgreSQL runs with fsync on, WAL synced with fsync(2), and
 * NODEFS's fsync calls the real one, so an acknowledged commit survives a power cut as on PostgreSQL.
 */

/** PGlite's own start parameters, as of 0.5 (read from the class when it still exposes them). */
const FALLBACK_START_PARAMS = [
  '--single',
  '-F',
  '-O',
  '-j',
  '-c',
  'search_path=public',
  '-c',
  'exit_on_error=false',
  '-c',
  'log_checkpoints=false',
];

export function durableStartParams(): string[] {
  const own = (PGlite as unknown as { defaultStartParams?: string[] }).defaultStartParams;
  const base = Array.isArray(own) && own.length > 0 ? own : FALLBACK_START_PARAMS;
  // fdatasync (PostgreSQL's default on Linux) is a no-op syscall in Emscripten; fsync reaches the stream.
  // 16 MB of buffers instead of 128 MB: the server's memory budget (ADR 006); the OS page cache holds the rest.
  return [
    ...base.filter((p) => p !== '-F'),
    '-c',
    'fsync=on',
    '-c',
    'wal_sync_method=fsync',
    '-c',
    'shared_buffers=16MB',
  ];
}

type FsNode = object;
type Stream = { nfd?: number; node: FsNode };
type SizeAttr = { size?: number };
type NodeFsOps = {
  stream_ops: {
    fsync?: (stream: Stream) => number;
    llseek: (stream: Stream, offset: number, whence: number) => number;
    write: (
      stream: Stream,
      buffer: Uint8Array,
      offset: number,
      length: number,
      position: number,
      canOwn?: boolean,
    ) => number;
    setattr: (stream: Stream, attr: SizeAttr) => void;
  };
  node_ops: { setattr: (node: FsNode, attr: SizeAttr) => void };
};

const SEEK_END = 2;

let syncs = 0;
/** How many fsync calls reached the disk in this process (for the durability test). */
export function fsyncCount(): number {
  return syncs;
}

/** NODEFS whose fsync is the real one. */
export class DurableNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const result = await super.init(...args);
    const opts = result.emscriptenOpts;
    opts.preRun = [
      ...(opts.preRun ?? []),
      (mod) => {
        const nodefs = mod.NODEFS as unknown as NodeFsOps;
        nodefs.stream_ops.fsync = (stream) => {
          // A failed fsync throws: PostgreSQL must not carry on as if the data were safe.
          if (stream.nfd !== undefined) fsyncSync(stream.nfd);
          syncs++;
          return 0;
        };
        keepFileSizes(nodefs);
      },
    ];
    return result;
  }
}

/**
 * PostgreSQL asks a relation's size (`lseek(fd, 0, SEEK_END)`) whenever it plans or scans it; NODEFS answers
 * each with an `fstat` of the file: 18% of the embedded server's time for a list request (ADR 006). This
 * process is the only one that writes the data folder, and every write and truncate passes here, so each
 * file's size is read from the disk once and then kept as they change it.
 */
function keepFileSizes(nodefs: NodeFsOps): void {
  const sizes = new WeakMap<FsNode, number>();
  const { llseek, write, setattr: truncateOpen } = nodefs.stream_ops;
  const { setattr: truncatePath } = nodefs.node_ops;
  nodefs.stream_ops.llseek = (stream, offset, whence) => {
    if (whence !== SEEK_END) return llseek(stream, offset, whence);
    let size = sizes.get(stream.node);
    if (size === undefined) {
      // The position of the end is the size: seek there from offset 0 once.
      size = llseek(stream, 0, SEEK_END);
      sizes.set(stream.node, size);
    }
    // Before the start is an error, which the original reports.
    return size + offset >= 0 ? size + offset : llseek(stream, offset, whence);
  };
  nodefs.stream_ops.write = (stream, buffer, offset, length, position, canOwn) => {
    const written = write(stream, buffer, offset, length, position, canOwn);
    const size = sizes.get(stream.node);
    if (size !== undefined && position + written > size) sizes.set(stream.node, position + written);
    return written;
  };
  nodefs.stream_ops.setattr = (stream, attr) => {
    if (attr.size !== undefined) sizes.delete(stream.node);
    truncateOpen(stream, attr);
  };
  nodefs.node_ops.setattr = (node, attr) => {
    if (attr.size !== undefined) sizes.delete(node);
    truncatePath(node, attr);
  };
}

/** Opens the embedded database in `dataDir` with every commit synced to disk before it is acknowledged. */
export function createDurablePGlite(dataDir: string): Promise<PGlite> {
  return PGlite.create({ fs: new DurableNodeFS(dataDir), startParams: durableStartParams() });
}
