import { channels, fail, ok, toErrorShape, type ChannelName, type Result } from '../../common/contract';
import type { CallContext, HandlerMap } from './handlers';

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

/** Formats the first zod issue as `path: message`, the way users and tests read it. */
function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 3)
    .map(
      (issue) =>
        `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(request)'}: ${issue.message}`,
    )
    .join('; ');
}

/**
 * The one entry point every host uses: checks the channel exists, validates the request against
 * its schema, runs the handler, and turns anything thrown into a Result with a stable code.
 */
export async function dispatch(
  handlers: HandlerMap,
  channelName: unknown,
  rawRequest: unknown,
  context: CallContext,
): Promise<Result<unknown>> {
  if (!isChannelName(channelName)) {
    return fail({ code: 'UNKNOWN_CHANNEL', message: `There is no channel named ${String(channelName)}.` });
  }
  const parsed = channels[channelName].request.safeParse(rawRequest ?? {});
  if (!parsed.success) {
    return fail({
      code: 'BAD_REQUEST',
      message: `The request to ${channelName} is not valid.`,
      detail: describeIssues(parsed.error.issues),
    });
  }
  try {
    const handler = handlers[channelName] as (request: unknown, context: CallContext) => unknown;
    return ok(await handler(parsed.data, context));
  } catch (error) {
    return fail(toErrorShape(error));
  }
}
