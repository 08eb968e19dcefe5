/** The WebSocket's state, for screens that catch up after a reconnection (what they missed). */
import { createContext, useContext, useEffect, useRef } from 'react';
import type { ConnectionState } from './client';

export const ConnectionContext = createContext<ConnectionState>('idle');

export function useConnectionState(): ConnectionState {
  return useContext(ConnectionContext);
}

/**
 * Calls `catchUp` once each time the WebSocket is connected again after being lost: a live screen
 * reads its data again, for the changes made while it heard nothing. The latest `catchUp` is
 * called, whatever the render it came from.
 */
export function useCatchUpOnReconnect(catchUp: () => void): void {
  const connection = useConnectionState();
  const wasLost = useRef(false);
  const latest = useRef(catchUp);
  latest.current = catchUp;
  useEffect(() => {
    if (connection === 'lost') wasLost.current = true;
    else if (connection === 'connected' && wasLost.current) {
      wasLost.current = false;
      latest.current();
    }
  }, [connection]);
}
