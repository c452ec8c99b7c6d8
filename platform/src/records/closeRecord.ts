// Close Record: one-way; details, types and visibility freeze (docs/platform-notes.md#lifecycle).
import type { DxApiClient } from '../apiClient';

export async function closeRecord(client: DxApiClient, id: string, signal?: AbortSignal): Promise<void> {
  await client.call(`/${id}/close`, {}, { signal });
}
