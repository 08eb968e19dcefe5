/** The WebSocket's state, for screens that catch up after a reconnection (what they missed). */
import { createContext, useContext } from 'react';
import type { ConnectionState } from './client';

export const ConnectionContext = createContext<ConnectionState>('idle');

export function useConnectionState(): ConnectionState {
  return useContext(ConnectionContext);
}
