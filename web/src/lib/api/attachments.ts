// Proof files: uploaded once (a claim's proof of sale, a fund request's proof of performance)
// and downloaded by id.
import { uploadFile } from '@/lib/api-client';
import type { Attachment } from './schema';

export function uploadAttachment(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal) {
  return uploadFile<Attachment>('/v1/attachments', file, {}, onProgress, signal);
}

export function attachmentUrl(id: string): string {
  return `/v1/attachments/${id}:download`;
}
