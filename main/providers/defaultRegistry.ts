import { AnimaticAdapter } from './animatic/animaticAdapter';
import { CometAdapter } from './cometapi/cometAdapter';
import { ComfyAdapter } from './comfyui/comfyAdapter';
import { FalAdapter } from './fal/falAdapter';
import { LumaAdapter } from './luma/lumaAdapter';
import { SoraAdapter } from './openai/soraAdapter';
import { ProviderRegistry } from './registry';
import { ReplicateAdapter } from './replicate/replicateAdapter';
import { RunwayAdapter } from './runway/runwayAdapter';
import { VeoAdapter } from './veo/veoAdapter';

/** Every built-in adapter with its default options. */
export function createProviderRegistry(): ProviderRegistry {
  return new ProviderRegistry()
    .register(new AnimaticAdapter())
    .register(new RunwayAdapter())
    .register(new VeoAdapter())
    .register(new SoraAdapter())
    .register(new CometAdapter())
    .register(new LumaAdapter())
    .register(new ReplicateAdapter())
    .register(new FalAdapter())
    .register(new ComfyAdapter());
}
