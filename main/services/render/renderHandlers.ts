import type { Handler } from '../../core/handlers';
import type { RenderService } from './renderService';

type RenderChannel =
  | 'render:presets'
  | 'render:plan'
  | 'render:start'
  | 'render:cancel'
  | 'render:list'
  | 'render:makeEditReady';

/** The `render:*` handlers over one RenderService. */
export function renderHandlers(service: RenderService): { [C in RenderChannel]: Handler<C> } {
  return {
    'render:presets': () => service.presets(),
    'render:plan': (request) => service.plan(request),
    'render:start': (request, context) => service.start(request, context.host),
    'render:cancel': (request) => service.cancel(request.jobId),
    'render:list': () => service.list(),
    'render:makeEditReady': (request) => service.makeEditReady(request.assetIds),
  };
}
