import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { serveContent } from './fakeContent';
import { FakeServer, sendJson, type RecordedRequest } from './fakeServerBase';

/**
 * A fake of Luma's Dream Machine API (providers.md (d)) under `/dream-machine/v1`:
 * `POST /generations/video` (body checked against the SDK's VideoCreateParams shape), `GET
 * /generations/{id}` stepping queued → dreaming → completed | failed with `failure_reason`,
 * `GET /credits`, and CDN asset links (no key) that can expire or be cut.
 */

const keyframe = z.union([
  z.object({ type: z.literal('image'), url: z.string().regex(/^(https?:|data:image\/)/) }).strict(),
  z.object({ type: z.literal('generation'), id: z.string().min(1) }).strict(),
]);
const createBody = z
  .object({
    model: z.enum(['ray-2', 'ray-flash-2']),
    prompt: z.string().optional(),
    aspect_ratio: z.enum(['1:1', '16:9', '9:16', '4:3', '3:4', '21:9', '9:21']).optional(),
    duration: z.enum(['5s', '9s']).optional(),
    resolution: z.enum(['540p', '720p', '1080p', '4k']).optional(),
    loop: z.boolean().optional(),
    generation_type: z.literal('video').optional(),
    callback_url: z.string().optional(),
    concepts: z.array(z.object({ key: z.string() })).optional(),
    keyframes: z.object({ frame0: keyframe.optional(), frame1: keyframe.optional() }).strict().optional(),
  })
  .strict();

export type LumaBody = z.infer<typeof createBody>;
export type LumaOutcome = { kind: 'completed' } | { kind: 'failed'; reason: string };

export interface FakeGeneration {
  id: string;
  body: LumaBody;
  pollsLeft: number;
  polls: number;
  outcome: LumaOutcome;
}

export class FakeLuma {
  readonly generations = new Map<string, FakeGeneration>();
  readonly violations: string[] = [];
  next: { pollsBeforeDone: number; outcome: LumaOutcome } = {
    pollsBeforeDone: 2,
    outcome: { kind: 'completed' },
  };
  expiredAssets = new Set<string>();
  /** A real media file to serve as the output (engine tests verify it with ffprobe); filler bytes when null. */
  contentFile: Buffer | null = null;
  contentBytes = 200 * 1024;
  cutDownloadsAfter: number | null = null;
  private counter = 0;

  constructor(
    readonly server: FakeServer,
    readonly apiKey: string,
  ) {
    const base = '/dream-machine/v1';
    server.route('POST', `${base}/generations/video`, (request, response) =>
      this.guard(request, response, () => this.create(request, response)),
    );
    server.route('GET', `${base}/generations/:id`, (request, response) =>
      this.guard(request, response, () => this.get(request, response)),
    );
    server.route('GET', `${base}/credits`, (request, response) =>
      this.guard(request, response, () => sendJson(response, 200, { credit_balance: 12345 })),
    );
    server.route('GET', '/cdn/:file', (request, response) => this.asset(request, response));
  }

  get baseUrl(): string {
    return `${this.server.url}/dream-machine/v1`;
  }

  get createCount(): number {
    return this.server.count('POST', '/dream-machine/v1/generations/video');
  }

  private guard(request: RecordedRequest, response: ServerResponse, next: () => void): void {
    if (request.headers.authorization !== `Bearer ${this.apiKey}`) {
      sendJson(response, 401, { detail: 'Invalid authentication credentials' });
      return;
    }
    next();
  }

  private create(request: RecordedRequest, response: ServerResponse): void {
    const parsed = createBody.safeParse(request.json);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      this.violations.push(...errors);
      sendJson(response, 400, { detail: errors.join('; ') });
      return;
    }
    this.counter += 1;
    const id = `0f1e2d3c-0000-4000-8000-${String(this.counter).padStart(12, '0')}`;
    const generation: FakeGeneration = {
      id,
      body: parsed.data,
      pollsLeft: this.next.pollsBeforeDone,
      polls: 0,
      outcome: this.next.outcome,
    };
    this.generations.set(id, generation);
    sendJson(response, 201, this.answer(generation, 'queued'));
  }

  private answer(generation: FakeGeneration, state: string): Record<string, unknown> {
    return {
      id: generation.id,
      generation_type: 'video',
      state,
      failure_reason:
        state === 'failed' && generation.outcome.kind === 'failed' ? generation.outcome.reason : null,
      created_at: new Date().toISOString(),
      model: generation.body.model,
      assets:
        state === 'completed'
          ? { video: `${this.server.url}/cdn/${generation.id}.mp4`, image: null, progress_video: null }
          : null,
      request: { ...generation.body, generation_type: 'video' },
    };
  }

  private get(request: RecordedRequest, response: ServerResponse): void {
    const generation = this.generations.get(request.params.id ?? '');
    if (!generation) {
      sendJson(response, 404, { detail: 'Generation not found' });
      return;
    }
    let state: string;
    if (generation.pollsLeft > 0) {
      state = generation.polls === 0 ? 'queued' : 'dreaming';
      generation.pollsLeft -= 1;
    } else state = generation.outcome.kind;
    generation.polls += 1;
    sendJson(response, 200, this.answer(generation, state));
  }

  private asset(request: RecordedRequest, response: ServerResponse): void {
    const id = (request.params.file ?? '').replace(/\.mp4$/, '');
    const generation = this.generations.get(id);
    if (!generation || this.expiredAssets.has(id)) {
      // A presigned CDN link past its lifetime.
      response.writeHead(403, { 'content-type': 'application/xml' });
      response.end('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
      return;
    }
    serveContent(response, request, {
      file: this.contentFile,
      bytes: this.contentBytes,
      cutAfter: this.cutDownloadsAfter,
    });
  }
}

export async function startFakeLuma(apiKey: string): Promise<{ server: FakeServer; luma: FakeLuma }> {
  const server = await FakeServer.start();
  return { server, luma: new FakeLuma(server, apiKey) };
}
