import type { ArmResponse } from './armResponse';

export function isResponse(value: unknown): value is ArmResponse {
  return typeof value === 'object' && value !== null && 'status' in value && typeof (value as ArmResponse).status === 'number';
}
