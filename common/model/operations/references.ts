import { newId } from '../ids';
import type { Project } from '../schema/project';
import type { NamedReference } from '../schema/shot';
import { attemptEdit, refuse, type EditResult } from './editResult';

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') refuse('A reference needs a name (a character, a prop, a place).');
  return trimmed;
}

function refuseDuplicateName(document: Project, name: string, exceptId: string | null): void {
  const taken = Object.values(document.references).some(
    (reference) => reference.id !== exceptId && reference.name.toLowerCase() === name.toLowerCase(),
  );
  if (taken) refuse(`There is already a reference named "${name}".`);
}

/** A named reference image shared by every shot of the project; the asset must be a still. */
export function createReference(
  document: Project,
  request: { id?: string | undefined; name: string; assetId: string },
): EditResult {
  return attemptEdit(() => {
    const id = request.id ?? newId('ref');
    if (document.references[id]) refuse(`The reference id ${id} is used.`);
    const asset = document.assets[request.assetId] ?? refuse(`There is no asset ${request.assetId}.`);
    if (asset.kind !== 'image') refuse(`"${asset.name}" is not an image: references are stills.`);
    const name = cleanName(request.name);
    refuseDuplicateName(document, name, null);
    const reference: NamedReference = { id, name, assetId: asset.id };
    return { ...document, references: { ...document.references, [id]: reference } };
  });
}

export function renameReference(
  document: Project,
  request: { referenceId: string; name: string },
): EditResult {
  return attemptEdit(() => {
    const current =
      document.references[request.referenceId] ?? refuse(`There is no reference ${request.referenceId}.`);
    const name = cleanName(request.name);
    refuseDuplicateName(document, name, current.id);
    return { ...document, references: { ...document.references, [current.id]: { ...current, name } } };
  });
}

/**
 * Deletes a named reference. Refused while a shot uses it, naming the shots: detaching it silently
 * would change those shots' recipes (and what a regenerated take looks like) without the user seeing
 * it, so they detach it in each shot first. Its image stays in the bin.
 */
export function deleteReference(document: Project, request: { referenceId: string }): EditResult {
  return attemptEdit(() => {
    const reference =
      document.references[request.referenceId] ?? refuse(`There is no reference ${request.referenceId}.`);
    const users = document.shotOrder
      .map((id) => document.shots[id])
      .filter((shot) => shot?.referenceIds.includes(reference.id))
      .map((shot) => `"${shot?.name ?? ''}"`);
    if (users.length > 0) {
      refuse(`"${reference.name}" is used by ${users.join(', ')}: detach it from those shots first.`);
    }
    const references = { ...document.references };
    delete references[reference.id];
    return { ...document, references };
  });
}
