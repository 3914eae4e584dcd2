import type { ServerResponse } from 'node:http';
import { serveContent } from './fakeContent';
import { FakeServer, sendJson, type RecordedRequest } from './fakeServerBase';
import {
  parseBody,
  requestSchemaName,
  validateAgainst,
  validateWith,
  type ParsedBody,
} from './openaiSchemas';

/**
 * A fake of OpenAI's Videos API (`/v1/videos`, Sora 2) on 127.0.0.1, as providers.md (b) and the
 * OpenAPI YAML describe it: multipart creates validated against the YAML's request schemas, jobs
 * that step queued → in_progress (with `progress`) → completed | failed, `/content?variant=`
 * downloads, remix / edits / extensions, list for reconciliation, and the OpenAI error envelope.
 * CometAPI's OpenAI-compatible route reuses it with its own differences (see cometapi.ts).
 */

export interface FakeVideoJob {
  id: string;
  model: string;
  prompt: string;
  seconds: string;
  size: string;
  createdAt: number;
  /** How many status reads before the job finishes. */
  pollsLeft: number;
  outcome: JobOutcome;
  remixedFrom: string | null;
  polls: number;
  /** The create request as the server read it. */
  body: ParsedBody;
  path: string;
}

export type JobOutcome = { kind: 'completed' } | { kind: 'failed'; code: string; message: string };

export interface FakeVideosOptions {
  apiKey: string;
  /** `/v1` for both OpenAI and CometAPI. */
  prefix?: string;
  /** Validates a create body; answers errors (empty when valid). Defaults to the YAML's own schema. */
  validateCreate?: (method: string, yamlPath: string, contentType: string, body: ParsedBody) => string[];
  /** Shapes an error answer (OpenAI's `{error:{message,type,param,code}}` by default). */
  errorBody?: (message: string, code: string | null) => unknown;
  /** Extra fields on a job answer (CometAPI's `video_url`). */
  decorate?: (job: FakeVideoJob, answer: Record<string, unknown>) => Record<string, unknown>;
  /** Validate the fake's own job answers against the YAML's VideoResource. */
  checkAnswers?: boolean;
}

export function openAiErrorBody(
  message: string,
  code: string | null,
  type = 'invalid_request_error',
): unknown {
  return { error: { message, type, param: null, code } };
}

export class FakeVideosApi {
  readonly jobs = new Map<string, FakeVideoJob>();
  /** Every schema violation the server saw (a correct adapter leaves this empty). */
  readonly schemaErrors: string[] = [];
  /** Bytes served by `/content` for a video. */
  /** A real media file to serve as the output (engine tests verify it with ffprobe); filler bytes when null. */
  contentFile: Buffer | null = null;
  contentBytes = 256 * 1024;
  /** Cut the next downloads after this many bytes. */
  cutDownloadsAfter: number | null = null;
  /** The next created job's script. */
  next: { pollsBeforeDone: number; outcome: JobOutcome } = {
    pollsBeforeDone: 2,
    outcome: { kind: 'completed' },
  };
  /** Model ids the server says no longer exist (the Sora shutdown). */
  retiredModels = new Set<string>();
  /** Videos whose content has expired (403, as reported for `/content`). */
  expired = new Set<string>();
  private counter = 0;

  constructor(
    readonly server: FakeServer,
    readonly options: FakeVideosOptions,
  ) {
    const prefix = options.prefix ?? '/v1';
    const guard =
      (handler: (request: RecordedRequest, response: ServerResponse) => Promise<void> | void) =>
      async (request: RecordedRequest, response: ServerResponse) => {
        if (request.headers.authorization !== `Bearer ${options.apiKey}`) {
          // Like OpenAI, echo what was sent: the adapter must keep it out of its own errors.
          const sent = String(request.headers.authorization ?? '').replace(/^Bearer /, '');
          this.fail(response, 401, `Incorrect API key provided: ${sent}.`, 'invalid_api_key');
          return;
        }
        await handler(request, response);
      };
    server.route(
      'POST',
      `${prefix}/videos`,
      guard((request, response) => this.create(request, response, '/videos')),
    );
    server.route(
      'POST',
      `${prefix}/videos/edits`,
      guard((request, response) => this.create(request, response, '/videos/edits')),
    );
    server.route(
      'POST',
      `${prefix}/videos/extensions`,
      guard((request, response) => this.create(request, response, '/videos/extensions')),
    );
    server.route(
      'POST',
      `${prefix}/videos/:id/remix`,
      guard((request, response) => this.create(request, response, '/videos/{video_id}/remix')),
    );
    server.route(
      'GET',
      `${prefix}/videos`,
      guard((request, response) => this.list(request, response)),
    );
    server.route(
      'GET',
      `${prefix}/videos/:id`,
      guard((request, response) => this.retrieve(request, response)),
    );
    server.route(
      'GET',
      `${prefix}/videos/:id/content`,
      guard((request, response) => this.content(request, response)),
    );
  }

  /** Creates seen so far (every create route). */
  get createCount(): number {
    return [...this.server.requests].filter((request) => request.method === 'POST').length;
  }

  private fail(response: ServerResponse, status: number, message: string, code: string | null): void {
    sendJson(response, status, (this.options.errorBody ?? openAiErrorBody)(message, code));
  }

  private async create(request: RecordedRequest, response: ServerResponse, yamlPath: string): Promise<void> {
    const contentType = String(request.headers['content-type'] ?? '');
    const mediaType = contentType.includes('multipart/form-data')
      ? 'multipart/form-data'
      : 'application/json';
    const body = await parseBody(contentType, request.body);
    const errors = this.options.validateCreate
      ? this.options.validateCreate('POST', yamlPath, mediaType, body)
      : validateAgainst(requestSchemaName('POST', yamlPath, mediaType), body.value);
    if (errors.length > 0) {
      this.schemaErrors.push(...errors.map((error) => `POST ${yamlPath}: ${error}`));
      this.fail(response, 400, `Invalid request: ${errors.join('; ')}`, 'invalid_value');
      return;
    }
    const source = yamlPath.includes('{video_id}') ? this.jobs.get(request.params.id ?? '') : undefined;
    const model = String(body.value.model ?? source?.model ?? 'sora-2');
    if (this.retiredModels.has(model)) {
      this.fail(
        response,
        404,
        `The model \`${model}\` does not exist or you do not have access to it.`,
        'model_not_found',
      );
      return;
    }
    if (yamlPath.includes('{video_id}') && !source) {
      this.fail(response, 404, `Video ${request.params.id} not found.`, null);
      return;
    }
    this.counter += 1;
    const job: FakeVideoJob = {
      id: `video_${String(this.counter).padStart(4, '0')}`,
      model,
      prompt: String(body.value.prompt ?? ''),
      seconds: String(body.value.seconds ?? source?.seconds ?? '4'),
      size: String(body.value.size ?? source?.size ?? '720x1280'),
      createdAt: Math.floor(Date.now() / 1000),
      pollsLeft: this.next.pollsBeforeDone,
      outcome: this.next.outcome,
      remixedFrom: source?.id ?? null,
      polls: 0,
      body,
      path: yamlPath,
    };
    this.jobs.set(job.id, job);
    sendJson(response, 200, this.answer(job, 'queued', 0));
  }

  private answer(job: FakeVideoJob, status: string, progress: number): Record<string, unknown> {
    const done = status === 'completed' || status === 'failed';
    const answer: Record<string, unknown> = {
      id: job.id,
      object: 'video',
      model: job.model,
      status,
      progress,
      created_at: job.createdAt,
      completed_at: done ? Math.floor(Date.now() / 1000) : null,
      expires_at: status === 'completed' ? Math.floor(Date.now() / 1000) + 3600 : null,
      prompt: job.prompt,
      size: job.size,
      seconds: job.seconds,
      remixed_from_video_id: job.remixedFrom,
      error:
        status === 'failed' && job.outcome.kind === 'failed'
          ? { code: job.outcome.code, message: job.outcome.message }
          : null,
    };
    if (this.options.checkAnswers !== false) {
      const errors = validateAgainst('VideoResource', answer);
      if (errors.length > 0)
        throw new Error(`the fake's own answer breaks VideoResource: ${errors.join('; ')}`);
    }
    return this.options.decorate ? this.options.decorate(job, answer) : answer;
  }

  private state(job: FakeVideoJob): { status: string; progress: number } {
    if (job.pollsLeft > 0) {
      const total = job.polls + job.pollsLeft;
      return {
        status: job.polls === 0 ? 'queued' : 'in_progress',
        progress: Math.floor((job.polls / total) * 100),
      };
    }
    return job.outcome.kind === 'completed'
      ? { status: 'completed', progress: 100 }
      : { status: 'failed', progress: 0 };
  }

  private retrieve(request: RecordedRequest, response: ServerResponse): void {
    const job = this.jobs.get(request.params.id ?? '');
    if (!job) {
      this.fail(response, 404, `Video ${request.params.id} not found.`, null);
      return;
    }
    const { status, progress } = this.state(job);
    job.polls += 1;
    if (job.pollsLeft > 0) job.pollsLeft -= 1;
    sendJson(response, 200, this.answer(job, status, progress));
  }

  private list(request: RecordedRequest, response: ServerResponse): void {
    const schemaErrors = validateWith(
      {
        type: 'object',
        properties: {
          limit: { type: 'integer', minimum: 0, maximum: 100 },
          order: { $ref: 'openai#/components/schemas/OrderEnum' },
        },
      },
      Object.fromEntries(
        [...request.query.entries()].map(([key, value]) => [key, key === 'limit' ? Number(value) : value]),
      ),
    );
    if (schemaErrors.length > 0) {
      this.schemaErrors.push(...schemaErrors.map((error) => `GET /videos: ${error}`));
      this.fail(response, 400, schemaErrors.join('; '), 'invalid_value');
      return;
    }
    const limit = Number(request.query.get('limit') ?? 20);
    const jobs = [...this.jobs.values()].sort((a, b) => b.createdAt - a.createdAt);
    const data = jobs
      .slice(0, limit)
      .map((job) => this.answer(job, this.state(job).status, this.state(job).progress));
    sendJson(response, 200, {
      object: 'list',
      data,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
      has_more: jobs.length > limit,
    });
  }

  private content(request: RecordedRequest, response: ServerResponse): void {
    const job = this.jobs.get(request.params.id ?? '');
    const variant = request.query.get('variant') ?? 'video';
    if (!['video', 'thumbnail', 'spritesheet'].includes(variant)) {
      this.schemaErrors.push(`GET /videos/{id}/content: variant ${variant} is not a VideoContentVariant`);
      this.fail(response, 400, `Invalid variant ${variant}.`, 'invalid_value');
      return;
    }
    if (!job || this.state(job).status !== 'completed') {
      this.fail(response, 404, `Video ${request.params.id} has no content.`, null);
      return;
    }
    if (this.expired.has(job.id)) {
      this.fail(response, 403, `Files [file_${job.id}] are not accessible`, null);
      return;
    }
    const contentType =
      variant === 'video' ? 'video/mp4' : variant === 'thumbnail' ? 'image/webp' : 'image/jpeg';
    serveContent(
      response,
      request,
      { file: this.contentFile, bytes: this.contentBytes, cutAfter: this.cutDownloadsAfter },
      contentType,
    );
  }
}

/** Starts a fake OpenAI on 127.0.0.1; the SDK's baseURL is `${server.url}/v1`. */
export async function startFakeOpenAi(
  apiKey: string,
): Promise<{ server: FakeServer; api: FakeVideosApi; baseUrl: string }> {
  const server = await FakeServer.start();
  const api = new FakeVideosApi(server, { apiKey });
  return { server, api, baseUrl: `${server.url}/v1` };
}
