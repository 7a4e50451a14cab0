import { api, dataOf } from './apiClient';

/**
 * The meeting room's commands (speaker queue, the room's screen). As with governance, the
 * server checks role and rules and every client sees the result through the live document;
 * the answers matter only when they are errors.
 */
export function meetingRoomApi(docId: string) {
  const doc = { params: { path: { id: docId } } };
  return {
    raise: (paragraphId: string | null) =>
      dataOf(api.POST('/api/documents/{id}/floor/flags', { ...doc, body: { paragraphId } })),
    lower: () => dataOf(api.POST('/api/documents/{id}/floor/lower', doc)),
    give: (flagId?: string) =>
      dataOf(api.POST('/api/documents/{id}/floor/give', { ...doc, body: flagId ? { flagId } : {} })),
    remove: (flagId: string) =>
      dataOf(api.DELETE('/api/documents/{id}/floor/flags/{fid}', { params: { path: { id: docId, fid: flagId } } })),
    clear: () => dataOf(api.POST('/api/documents/{id}/floor/clear', doc)),
    drive: (userId: string | null) =>
      dataOf(api.PUT('/api/documents/{id}/screen/driver', { ...doc, body: { userId } })),
    project: (paragraphId: string) =>
      dataOf(api.POST('/api/documents/{id}/screen/paragraph', { ...doc, body: { paragraphId } })),
    links: () => dataOf(api.GET('/api/documents/{id}/screen-links', doc)),
    createLink: (label: string) => dataOf(api.POST('/api/documents/{id}/screen-links', { ...doc, body: { label } })),
    revokeLink: (linkId: string) =>
      dataOf(api.DELETE('/api/documents/{id}/screen-links/{lid}', { params: { path: { id: docId, lid: linkId } } })),
  };
}

export type MeetingRoomApi = ReturnType<typeof meetingRoomApi>;
