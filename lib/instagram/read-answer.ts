// One entry to the answer readers, by name: the worker runs them for the sidebar (so the
// content script, whose size is budgeted, carries no schema code), and tests run them directly.
import type { AnswerRead, AnswerRequest } from '../model/instagram';
import { isBusinessSchemaFailure, readProfileInfo, readReelsMedia, readUserFeed } from './readers';

export type { AnswerRead, AnswerRequest } from '../model/instagram';

/** The raw text, as the answer came (the numeric pks lose digits here, and are never read). */
function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function readAnswer(req: AnswerRequest): AnswerRead {
  const body = parse(req.text);
  switch (req.reader) {
    case 'profile-info':
      return { profile: readProfileInfo(body) };
    case 'user-feed':
      return { profile: readUserFeed(body, req.username) };
    case 'reels-media':
      return { stories: readReelsMedia(body, req.userId) };
    case 'business-400':
      return { business: isBusinessSchemaFailure(400, body) };
  }
}
