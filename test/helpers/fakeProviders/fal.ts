import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { serveContent } from './fakeContent';
import { FakeServer, sendJson, type RecordedRequest } from './fakeServerBase';

/**
 * A fake of fal's queue and storage (providers.md (e)), reached through the adapter's fetch that
 * maps `https://{host}/{path}` to `{fake}/{host}/{path}`:
 * `POST queue.fal.run/{endpoint}` (inputs checked per endpoint, as `@fal-ai/client`'s endpoint types
 * describe them), `GET …/{owner}/{app}/requests/{id}/status` (202 IN_QUEUE with queue_position,
 * IN_PROGRESS, 200 COMPLETED), `GET …/requests/{id}` (the result, a 422 content_policy_violation, or
 * a 500 with X-Fal-Retryable: false), `PUT …/cancel`, storage upload initiate + PUT, and CDN files.
 */

const url = z.string().regex(/^https?:\/\//);
const base = {
  prompt: z.string().min(1),
  negative_prompt: z.string().optional(),
  generate_audio: z.boolean().optional(),
};
const veoCommon = {
  ...base,
  resolution: z.enum(['720p', '1080p', '4k']).optional(),
  seed: z.number().int().optional(),
};
const inputs: Record<string, z.ZodType> = {
  'fal-ai/kling-video/v3/pro/image-to-video': z
    .object({
      ...base,
      duration: z.enum(['3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15']).optional(),
      start_image_url: url,
      end_image_url: url.optional(),
    })
    .strict(),
  'fal-ai/wan/v2.7/image-to-video': z
    .object({
      ...base,
      duration: z
        .string()
        .regex(/^([2-9]|1[0-5])$/)
        .optional(),
      resolution: z.enum(['720p', '1080p']).optional(),
      seed: z.number().int().optional(),
      enable_prompt_expansion: z.boolean().optional(),
      image_url: url.optional(),
      end_image_url: url.optional(),
      video_url: url.optional(),
    })
    .strict(),
  'fal-ai/ltx-2/image-to-video': z
    .object({
      ...base,
      image_url: url,
      duration: z.enum(['6', '8', '10']).optional(),
      resolution: z.enum(['1080p', '1440p', '2160p']).optional(),
    })
    .strict(),
  'fal-ai/veo3.1/first-last-frame-to-video': z
    .object({
      ...veoCommon,
      duration: z.enum(['4s', '6s', '8s']).optional(),
      aspect_ratio: z.enum(['auto', '16:9', '9:16']).optional(),
      first_frame_url: url,
      last_frame_url: url,
    })
    .strict(),
  'fal-ai/veo3.1/reference-to-video': z
    .object({
      ...veoCommon,
      duration: z.string().optional(),
      aspect_ratio: z.enum(['16:9', '9:16']).optional(),
      image_urls: z.array(url).min(1),
    })
    .strict(),
};

export type FalOutcome = { kind: 'video' } | { kind: 'contentPolicy' } | { kind: 'serverFailure' };

export interface FakeFalRequest {
  id: string;
  endpoint: string;
  input: Record<string, unknown>;
  stepsLeft: number;
  polls: number;
  outcome: FalOutcome;
  cancelled: boolean;
}

export class FakeFal {
  readonly requests = new Map<string, FakeFalRequest>();
  readonly uploads = new Map<string, { bytes: number; contentType: string }>();
  readonly violations: string[] = [];
  next: { stepsBeforeDone: number; outcome: FalOutcome } = { stepsBeforeDone: 2, outcome: { kind: 'video' } };
  expiredFiles = new Set<string>();
  /** A real media file to serve as the output (engine tests verify it with ffprobe); filler bytes when null. */
  contentFile: Buffer | null = null;
  contentBytes = 200 * 1024;
  cutDownloadsAfter: number | null = null;
  private counter = 0;

  constructor(
    readonly server: FakeServer,
    readonly apiKey: string,
  ) {
    for (const endpoint of Object.keys(inputs)) {
      server.route('POST', `/queue.fal.run/${endpoint}`, (request, response) =>
        this.guard(request, response, () => this.submit(endpoint, request, response)),
      );
    }
    const requests = '/queue.fal.run/:owner/:app/requests/:id';
    server.route('GET', `${requests}/status`, (request, response) =>
      this.guard(request, response, () => this.status(request, response)),
    );
    server.route('GET', requests, (request, response) =>
      this.guard(request, response, () => this.result(request, response)),
    );
    server.route('PUT', `${requests}/cancel`, (request, response) =>
      this.guard(request, response, () => this.cancel(request, response)),
    );
    server.route('POST', '/rest.fal.ai/storage/upload/initiate', (request, response) =>
      this.guard(request, response, () => this.initiate(request, response)),
    );
    server.route('PUT', '/upload/:id', (request, response) => this.upload(request, response));
    server.route('GET', '/v3.fal.media/files/:file', (request, response) => this.file(request, response));
  }

  get submitCount(): number {
    return this.server.requests.filter(
      (request) => request.method === 'POST' && request.path.startsWith('/queue.fal.run/'),
    ).length;
  }

  private guard(request: RecordedRequest, response: ServerResponse, next: () => void): void {
    if (request.headers.authorization !== `Key ${this.apiKey}`) {
      sendJson(response, 401, { detail: 'Invalid or missing API key' });
      return;
    }
    next();
  }

  private submit(endpoint: string, request: RecordedRequest, response: ServerResponse): void {
    const parsed = inputs[endpoint]!.safeParse(request.json);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((issue) => ({
        loc: ['body', ...issue.path.map(String)],
        msg: issue.message,
        type: 'value_error',
      }));
      this.violations.push(...detail.map((item) => `${item.loc.join('.')}: ${item.msg}`));
      sendJson(response, 422, { detail });
      return;
    }
    this.counter += 1;
    const id = `c0ffee00-0000-4000-8000-${String(this.counter).padStart(12, '0')}`;
    this.requests.set(id, {
      id,
      endpoint,
      input: parsed.data as Record<string, unknown>,
      stepsLeft: this.next.stepsBeforeDone,
      polls: 0,
      outcome: this.next.outcome,
      cancelled: false,
    });
    const app = endpoint.split('/').slice(0, 2).join('/');
    const root = `https://queue.fal.run/${app}/requests/${id}`;
    sendJson(response, 200, {
      request_id: id,
      status: 'IN_QUEUE',
      status_url: `${root}/status`,
      response_url: root,
      cancel_url: `${root}/cancel`,
      queue_position: 3,
    });
  }

  private find(request: RecordedRequest, response: ServerResponse): FakeFalRequest | null {
    const found = this.requests.get(request.params.id ?? '');
    if (
      !found ||
      `${request.params.owner}/${request.params.app}` !== found.endpoint.split('/').slice(0, 2).join('/')
    ) {
      sendJson(response, 404, { detail: 'Request not found' });
      return null;
    }
    return found;
  }

  private status(request: RecordedRequest, response: ServerResponse): void {
    const found = this.find(request, response);
    if (!found) return;
    const root = `https://queue.fal.run/${found.endpoint.split('/').slice(0, 2).join('/')}/requests/${found.id}`;
    if (found.stepsLeft > 0 && !found.cancelled) {
      const queued = found.polls === 0;
      found.polls += 1;
      found.stepsLeft -= 1;
      sendJson(
        response,
        202,
        queued
          ? { status: 'IN_QUEUE', queue_position: 1, response_url: root }
          : { status: 'IN_PROGRESS', logs: null, response_url: root },
      );
      return;
    }
    sendJson(response, 200, {
      status: 'COMPLETED',
      logs: null,
      response_url: root,
      metrics: { inference_time: 1.2 },
    });
  }

  private result(request: RecordedRequest, response: ServerResponse): void {
    const found = this.find(request, response);
    if (!found) return;
    if (found.cancelled) {
      sendJson(response, 400, { detail: 'Request was cancelled' });
      return;
    }
    if (found.outcome.kind === 'contentPolicy') {
      sendJson(response, 422, {
        detail: [
          {
            loc: ['body', 'prompt'],
            msg: 'The content could not be processed because it contained material flagged by a content checker.',
            type: 'content_policy_violation',
            ctx: { categories: ['sexual'] },
          },
        ],
      });
      return;
    }
    if (found.outcome.kind === 'serverFailure') {
      sendJson(
        response,
        500,
        { detail: 'Internal error while running the model' },
        { 'x-fal-retryable': 'false' },
      );
      return;
    }
    sendJson(response, 200, {
      video: {
        url: `https://v3.fal.media/files/${found.id}.mp4`,
        content_type: 'video/mp4',
        file_name: 'output.mp4',
      },
      seed: 1,
    });
  }

  private cancel(request: RecordedRequest, response: ServerResponse): void {
    const found = this.find(request, response);
    if (!found) return;
    if (found.stepsLeft === 0) {
      sendJson(response, 400, { status: 'ALREADY_COMPLETED' });
      return;
    }
    found.cancelled = true;
    sendJson(response, 202, { status: 'CANCELLATION_REQUESTED' });
  }

  private initiate(request: RecordedRequest, response: ServerResponse): void {
    const body = request.json as { content_type?: string; file_name?: string } | undefined;
    const id = `up${this.uploads.size + 1}`;
    this.uploads.set(id, { bytes: -1, contentType: body?.content_type ?? '' });
    sendJson(response, 200, {
      upload_url: `${this.server.url}/upload/${id}`,
      file_url: `https://v3.fal.media/files/${id}-${body?.file_name ?? 'file'}`,
    });
  }

  private upload(request: RecordedRequest, response: ServerResponse): void {
    const entry = this.uploads.get(request.params.id ?? '');
    if (!entry) {
      sendJson(response, 404, { detail: 'unknown upload' });
      return;
    }
    entry.bytes = request.body.length;
    response.writeHead(200);
    response.end();
  }

  private file(request: RecordedRequest, response: ServerResponse): void {
    const id = (request.params.file ?? '').replace(/\.mp4$/, '');
    if (!this.requests.has(id) || this.expiredFiles.has(id)) {
      sendJson(response, 404, { detail: 'File not found' });
      return;
    }
    serveContent(response, request, {
      file: this.contentFile,
      bytes: this.contentBytes,
      cutAfter: this.cutDownloadsAfter,
    });
  }
}

export async function startFakeFal(apiKey: string): Promise<{ server: FakeServer; fal: FakeFal }> {
  const server = await FakeServer.start();
  return { server, fal: new FakeFal(server, apiKey) };
}
