import type { SilenceScope } from '../../shared/model/silence';
import { api, dataOf } from './apiClient';

/**
 * The silence procedure's commands. As with every governance command, the live document
 * brings the result to every client (this one included); the answers matter when they are errors.
 */
export function silenceApi(docId: string) {
  const doc = { params: { path: { id: docId } } };
  const silence = (sid: string) => ({ params: { path: { id: docId, sid } } });
  return {
    start: (body: { scope: SilenceScope; deadline: string; timeZone: string; lockOnExpiry: boolean; note: string }) =>
      dataOf(api.POST('/api/documents/{id}/silences', { ...doc, body })),
    extend: (sid: string, deadline: string) =>
      dataOf(api.POST('/api/documents/{id}/silences/{sid}/extend', { ...silence(sid), body: { deadline } })),
    end: (sid: string, reason: string) =>
      dataOf(api.POST('/api/documents/{id}/silences/{sid}/end', { ...silence(sid), body: reason ? { reason } : {} })),
    breakOn: (pid: string, reason: string) =>
      dataOf(
        api.POST('/api/documents/{id}/paragraphs/{pid}/break-silence', {
          params: { path: { id: docId, pid } },
          body: { reason },
        }),
      ),
  };
}
