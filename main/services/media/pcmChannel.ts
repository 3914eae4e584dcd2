import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Where ffmpeg sends raw PCM for Node to read while it decodes. On POSIX ffmpeg listens on a private
 * Unix socket (`-listen 1`) and Node connects with `onread` into the caller's `readBuffer`: no
 * allocation per chunk, so memory stays flat however long the track, and the bytes land where the
 * peaks kernel reads them. On Windows Node listens on a loopback port and copies each chunk there.
 */
export interface PcmChannel {
  /** ffmpeg's output URL and the output options it needs. */
  url: string;
  outputOptions: string[];
  /** Reads everything ffmpeg sends; resolves when it closes the stream. `ffmpegEnded` stops the wait. */
  receive(ffmpegEnded: Promise<unknown>): Promise<boolean>;
  cleanup(): Promise<void>;
}

const connectTimeoutMs = 20_000;

export async function openPcmChannel(
  readBuffer: Buffer,
  onBytes: (bytes: Buffer) => void,
): Promise<PcmChannel> {
  return process.platform === 'win32'
    ? listeningChannel(readBuffer, onBytes)
    : connectingChannel(readBuffer, onBytes);
}

async function connectingChannel(buffer: Buffer, onBytes: (bytes: Buffer) => void): Promise<PcmChannel> {
  const folder = await mkdtemp(join(tmpdir(), 'shotloom-pcm-'));
  const socketPath = join(folder, `${randomBytes(4).toString('hex')}.sock`);
  let socket: Socket | null = null;
  const attempt = () =>
    new Promise<Socket | null>((resolve) => {
      const candidate = connect({
        path: socketPath,
        onread: {
          buffer,
          callback: (bytes) => {
            onBytes(buffer.subarray(0, bytes));
            return true; // keep reading
          },
        },
      });
      candidate.once('connect', () => resolve(candidate));
      candidate.once('error', () => {
        candidate.destroy();
        resolve(null);
      });
    });
  return {
    url: `unix:${socketPath}`,
    outputOptions: ['-listen', '1'],
    async receive(ffmpegEnded) {
      let ended = false;
      void ffmpegEnded.then(
        () => (ended = true),
        () => (ended = true),
      );
      // ffmpeg creates and listens on the socket once it has opened its input: try until then.
      const deadline = Date.now() + connectTimeoutMs;
      while (!socket && !ended && Date.now() < deadline) {
        socket = await attempt();
        if (!socket) await sleep(3);
      }
      const connected = socket as Socket | null;
      if (!connected) return false;
      await new Promise<void>((resolve) => {
        connected.once('close', () => resolve());
        connected.once('error', () => resolve());
      });
      return true;
    },
    async cleanup() {
      (socket as Socket | null)?.destroy();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function listeningChannel(buffer: Buffer, onBytes: (bytes: Buffer) => void): Promise<PcmChannel> {
  let accepted: Socket | null = null;
  let ended!: () => void;
  const streamEnded = new Promise<void>((resolve) => {
    ended = resolve;
  });
  const server = createServer((socket) => {
    if (accepted) {
      socket.destroy(); // only ffmpeg's one connection is read
      return;
    }
    accepted = socket;
    socket.on('data', (chunk: Buffer) => {
      for (let offset = 0; offset < chunk.length; offset += buffer.length)
        onBytes(buffer.subarray(0, chunk.copy(buffer, 0, offset)));
    });
    socket.on('close', () => ended());
    socket.on('error', () => ended());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `tcp://127.0.0.1:${port}`,
    outputOptions: [],
    async receive(ffmpegEnded) {
      await ffmpegEnded.catch(() => undefined);
      if (!accepted) return false;
      await streamEnded;
      return true;
    },
    async cleanup() {
      (accepted as Socket | null)?.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
