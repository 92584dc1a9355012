import { createContext, useContext } from 'react';
import type { Principal } from '../api/types';

export const PrincipalContext = createContext<Principal | null>(null);

// The signed-in user. Only pages under the signed-in shell call it.
export function usePrincipal(): Principal {
  const principal = useContext(PrincipalContext);
  if (!principal) throw new Error('usePrincipal outside the signed-in shell');
  return principal;
}
