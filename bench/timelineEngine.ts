/**
 * What bench/timeline.mjs takes from the app: the model's own clip and track constructors, so the
 * 1,000-clip project it writes has exactly the defaults the editor gives (bundled by the bench).
 */
export { newClip, newTrack } from '../common/model';
