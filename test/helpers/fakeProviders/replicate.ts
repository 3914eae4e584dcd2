import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { serveContent } from './fakeContent';
import { FakeServer, sendJson, type RecordedRequest } from './fakeServerBase';

/**
 * A fake of Replicate's HTTP API (providers.md (f)) under `/v1`: `POST /models/{owner}/{name}/predictions`
 * (inputs checked against the model's schema for the models Shotloom maps; any `data:` URI or the
 * token inside an input is recorded as a violation), `POST /files` uploads, `GET /predictions/{id}`
 * stepping starting → processing (tqdm progress in `logs`) → succeeded | failed | canceled,
 * `POST /predictions/{id}/cancel`, `GET /predictions`, `GET /account`, and delivery links.
 */

const uri = z.string().regex(/^https?:\/\//);
const inputSchemas: Record<string, z.ZodType> = {
  'google/veo-3.1': z
    .object({
      prompt: z.string().min(1),
      aspect_ratio: z.enum(['16:9', '9:16']).optional(),
      duration: z.union([z.literal(4), z.literal(6), z.literal(8)]).optional(),
      image: uri.optional(),
      last_frame: uri.optional(),
      reference_images: z.array(uri).min(1).max(3).optional(),
      negative_prompt: z.string().optional(),
      resolution: z.enum(['720p', '1080p']).optional(),
      generate_audio: z.boolean().optional(),
      seed: z.number().int().optional(),
    })
    .strict(),
  'kwaivgi/kling-v3-video': z
    .object({
      prompt: z.string().min(1),
      negative_prompt: z.string().optional(),
      start_image: uri.optional(),
      end_image: uri.optional(),
      mode: z.enum(['standard', 'pro']).optional(),
      aspect_ratio: z.string().optional(),
      duration: z.number().int().min(3).max(15).optional(),
      generate_audio: z.boolean().optional(),
    })
    .strict(),
};

export type ReplicateOutcome = { kind: 'succeeded' } | { kind: 'failed'; error: string };

export interface FakePrediction {
  id: string;
  model: string;
  input: Record<string, unknown>;
  stepsLeft: number;
  polls: number;
  outcome: ReplicateOutcome;
  canceled: boolean;
  createdAt: string;
}

export class FakeReplicate {
  readonly predictions = new Map<string, FakePrediction>();
  readonly uploads = new Map<string, { name: string; type: string; size: number }>();
  readonly violations: string[] = [];
  next: { stepsBeforeDone: number; outcome: ReplicateOutcome } = {
    stepsBeforeDone: 3,
    outcome: { kind: 'succeeded' },
  };
  expiredOutputs = new Set<string>();
  /** A real media file to serve as the output (engine tests verify it with ffprobe); filler bytes when null. */
  contentFile: Buffer | null = null;
  contentBytes = 200 * 1024;
  cutDownloadsAfter: number | null = null;
  private counter = 0;

  constructor(
    readonly server: FakeServer,
    readonly token: string,
  ) {
    const guarded =
      (handler: (request: RecordedRequest, response: ServerResponse) => void | Promise<void>) =>
      (request: RecordedRequest, response: ServerResponse) => {
        if (request.headers.authorization !== `Bearer ${token}`) {
          sendJson(response, 401, {
            title: 'Unauthenticated',
            detail: 'You did not pass a valid authentication token',
            status: 401,
          });
          return;
        }
        return handler(request, response);
      };
    server.route(
      'POST',
      '/v1/models/:owner/:name/predictions',
      guarded((request, response) => this.create(request, response)),
    );
    server.route(
      'POST',
      '/v1/files',
      guarded((request, response) => this.upload(request, response)),
    );
    server.route(
      'GET',
      '/v1/predictions/:id',
      guarded((request, response) => this.get(request, response)),
    );
    server.route(
      'POST',
      '/v1/predictions/:id/cancel',
      guarded((request, response) => this.cancel(request, response)),
    );
    server.route(
      'GET',
      '/v1/predictions',
      guarded((_request, response) => this.list(response)),
    );
    server.route(
      'GET',
      '/v1/account',
      guarded((_request, response) =>
        sendJson(response, 200, { type: 'user', username: 'shotloom-test', name: 'Test' }),
      ),
    );
    server.route('GET', '/delivery/:file', (request, response) => this.delivery(request, response));
  }

  get baseUrl(): string {
    return `${this.server.url}/v1`;
  }

  get createCount(): number {
    return this.server.count('POST', '/v1/models/:owner/:name/predictions');
  }

  private async upload(request: RecordedRequest, response: ServerResponse): Promise<void> {
    const form = await new Response(new Uint8Array(request.body), {
      headers: { 'content-type': String(request.headers['content-type']) },
    }).formData();
    const content = form.get('content');
    if (!content || typeof content === 'string') {
      sendJson(response, 400, { title: 'Invalid', detail: 'content file is required', status: 400 });
      return;
    }
    const id = `file${this.uploads.size + 1}`;
    this.uploads.set(id, { name: content.name, type: content.type, size: content.size });
    sendJson(response, 201, {
      id,
      name: content.name,
      content_type: content.type,
      size: content.size,
      etag: 'x',
      checksums: {},
      metadata: {},
      created_at: new Date().toISOString(),
      expires_at: null,
      urls: { get: `${this.baseUrl}/files/${id}` },
    });
  }

  private create(request: RecordedRequest, response: ServerResponse): void {
    const model = `${request.params.owner}/${request.params.name}`;
    const input = ((request.json as { input?: unknown } | undefined)?.input ?? null) as Record<
      string,
      unknown
    > | null;
    const errors: string[] = [];
    if (!input || typeof input !== 'object') errors.push('input is required');
    const text = JSON.stringify(input ?? {});
    if (text.includes(this.token)) errors.push('the API token was sent inside the prediction input');
    if (text.includes('"data:')) errors.push('a data: URI was sent instead of an uploaded file');
    const schema = inputSchemas[model];
    if (schema && input) {
      const parsed = schema.safeParse(input);
      if (!parsed.success)
        errors.push(...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    }
    if (errors.length > 0) {
      this.violations.push(...errors);
      sendJson(response, 422, { title: 'Input validation failed', detail: errors.join('; '), status: 422 });
      return;
    }
    this.counter += 1;
    const prediction: FakePrediction = {
      id: `rp${String(this.counter).padStart(6, '0')}`,
      model,
      input: input!,
      stepsLeft: this.next.stepsBeforeDone,
      polls: 0,
      outcome: this.next.outcome,
      canceled: false,
      createdAt: new Date().toISOString(),
    };
    this.predictions.set(prediction.id, prediction);
    sendJson(response, 201, this.answer(prediction, 'starting'));
  }

  private answer(prediction: FakePrediction, status: string): Record<string, unknown> {
    const total = prediction.polls + prediction.stepsLeft;
    const percent = total === 0 ? 100 : Math.floor((prediction.polls / total) * 100);
    return {
      id: prediction.id,
      model: prediction.model,
      version: 'hidden',
      input: prediction.input,
      logs:
        status === 'processing'
          ? `Starting\n ${percent}%|#####     | ${prediction.polls}/${total} [00:01<00:02]\n`
          : '',
      output: status === 'succeeded' ? `${this.server.url}/delivery/${prediction.id}.mp4` : null,
      error: status === 'failed' && prediction.outcome.kind === 'failed' ? prediction.outcome.error : null,
      status,
      source: 'api',
      data_removed: false,
      created_at: prediction.createdAt,
      completed_at: ['succeeded', 'failed', 'canceled'].includes(status) ? new Date().toISOString() : null,
      urls: {
        get: `${this.baseUrl}/predictions/${prediction.id}`,
        cancel: `${this.baseUrl}/predictions/${prediction.id}/cancel`,
        web: `https://replicate.com/p/${prediction.id}`,
      },
    };
  }

  private status(prediction: FakePrediction): string {
    if (prediction.canceled) return 'canceled';
    if (prediction.stepsLeft > 0) return prediction.polls === 0 ? 'starting' : 'processing';
    return prediction.outcome.kind;
  }

  private get(request: RecordedRequest, response: ServerResponse): void {
    const prediction = this.predictions.get(request.params.id ?? '');
    if (!prediction) {
      sendJson(response, 404, { title: 'Not found', detail: 'Prediction not found', status: 404 });
      return;
    }
    const status = this.status(prediction);
    const answer = this.answer(prediction, status);
    prediction.polls += 1;
    if (prediction.stepsLeft > 0) prediction.stepsLeft -= 1;
    sendJson(response, 200, answer);
  }

  private cancel(request: RecordedRequest, response: ServerResponse): void {
    const prediction = this.predictions.get(request.params.id ?? '');
    if (!prediction) {
      sendJson(response, 404, { title: 'Not found', detail: 'Prediction not found', status: 404 });
      return;
    }
    if (this.status(prediction) === 'starting' || this.status(prediction) === 'processing')
      prediction.canceled = true;
    sendJson(response, 200, this.answer(prediction, this.status(prediction)));
  }

  private list(response: ServerResponse): void {
    const results = [...this.predictions.values()]
      .reverse()
      .map((prediction) => this.answer(prediction, this.status(prediction)));
    sendJson(response, 200, { previous: null, next: null, results });
  }

  private delivery(request: RecordedRequest, response: ServerResponse): void {
    const id = (request.params.file ?? '').replace(/\.mp4$/, '');
    if (!this.predictions.has(id) || this.expiredOutputs.has(id)) {
      sendJson(response, 404, { detail: 'Not found' });
      return;
    }
    serveContent(response, request, {
      file: this.contentFile,
      bytes: this.contentBytes,
      cutAfter: this.cutDownloadsAfter,
    });
  }
}

export async function startFakeReplicate(
  token: string,
): Promise<{ server: FakeServer; replicate: FakeReplicate }> {
  const server = await FakeServer.start();
  return { server, replicate: new FakeReplicate(server, token) };
}
