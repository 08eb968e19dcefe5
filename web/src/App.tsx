/**
 * The console's shell: sign-in state, the GraphQL client of the signed-in user, the DSFR header
 * with the menu the user's rights open, and the current screen.
 */
import { useEffect, useMemo, useState } from 'react';
import { Provider as UrqlProvider, useQuery } from 'urql';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { completeSignIn, signIn, signOut } from './auth/oidc';
import { readSession, type Session } from './auth/session';
import { createConsoleClient, type ConnectionState, type ConsoleClient } from './graphql/client';
import { ConnectionContext } from './graphql/connection';
import { MeQuery } from './operations/me';
import { navigate, usePath } from './router';
import { ADMISSION_REQUESTS, AVAILABLE_BEDS, CRISIS, DASHBOARD, EMERGENCY, OFFER, PLACE_SEARCH, PROFESSIONALS, TENSIONS, TERRITORY, rightsOf, screenOf, screensFor, withDefaultGrants, type Me } from './rights';
import { Home } from './screens/Home';
import { PlaceSearch } from './screens/PlaceSearch';
import { AdmissionRequests } from './screens/AdmissionRequests';
import { Tensions } from './screens/tensions/Tensions';
import { Offer } from './screens/offer/Offer';
import { Professionals } from './screens/professionals/Professionals';
import { CapacityScreen } from './screens/capacity/CapacityScreen';
import { Emergency } from './screens/emergency/Emergency';
import { Dashboard } from './screens/dashboard/Dashboard';
import { Crisis } from './screens/crisis/Crisis';
import { TerritoryScreen } from './screens/territory/TerritoryScreen';
import { frenchErrors } from './errors';

const BRAND_TOP = (
  <>
    République
    <br />
    Française
  </>
);

function Shell(props: { me: Me | null; path: string; children: React.ReactNode; connection?: ConnectionState }) {
  const { me, path } = props;
  const screens = me ? screensFor(rightsOf(me)) : [];
  return (
    <>
      <Header
        brandTop={BRAND_TOP}
        serviceTitle="ROR Hub"
        serviceTagline="Répertoire Opérationnel des Ressources"
        homeLinkProps={{ href: '/', title: 'Accueil — ROR Hub' }}
        quickAccessItems={
          me
            ? [
                { iconId: 'fr-icon-account-circle-line', text: `${me.firstName} ${me.lastName}`, linkProps: { href: '/' } },
                { iconId: 'fr-icon-logout-box-r-line', text: 'Se déconnecter', buttonProps: { onClick: () => void signOut() } },
              ]
            : [{ iconId: 'fr-icon-lock-line', text: 'Se connecter', buttonProps: { onClick: () => void signIn(path) } }]
        }
        navigation={screens.map((screen) => ({ text: screen.title, linkProps: { href: screen.path }, isActive: screenOf([screen], path) === screen }))}
      />
      {props.connection === 'lost' && (
        <div className="fr-container fr-mt-2w" role="status" aria-live="polite">
          <Alert severity="warning" small description="Connexion perdue — reconnexion…" />
        </div>
      )}
      <main id="contenu" className="fr-container fr-my-4w" tabIndex={-1}>
        {props.children}
      </main>
      <Footer
        accessibility="non compliant"
        bottomItems={[]}
        contentDescription="ROR Hub : le répertoire opérationnel des ressources de la région, ses capacités, tensions et admissions directes."
      />
    </>
  );
}

function SignedIn(props: { session: Session; path: string }) {
  // Made and disposed by one effect: React's StrictMode runs effects twice in development, and a
  // client disposed by the first cleanup must not be the one kept (it would never reconnect).
  const [client, setClient] = useState<ConsoleClient | null>(null);
  const [connection, setConnection] = useState<ConnectionState>('idle');
  useEffect(() => {
    const made = createConsoleClient(props.session.accessToken);
    const stopListening = made.onConnectionState(setConnection);
    setClient(made);
    return () => {
      stopListening();
      made.dispose();
    };
  }, [props.session.accessToken]);
  // The token has no refresh token: at its expiry the provider's session signs the user in again.
  useEffect(() => {
    const timer = window.setTimeout(() => void signIn(window.location.pathname), Math.max(0, props.session.expiresAt - Date.now() - 30_000));
    return () => window.clearTimeout(timer);
  }, [props.session.expiresAt]);
  if (!client) return null;
  return (
    <UrqlProvider value={client.urql}>
      <ConnectionContext.Provider value={connection}>
        <SignedInScreens path={props.path} connection={connection} />
      </ConnectionContext.Provider>
    </UrqlProvider>
  );
}

function SignedInScreens(props: { path: string; connection: ConnectionState }) {
  const [{ data, error, fetching }] = useQuery({ query: MeQuery, requestPolicy: 'network-only' });
  const me = useMemo(() => withDefaultGrants(data?.me), [data]);
  let content: React.ReactNode;
  if (!me) {
    const errors = frenchErrors(error);
    content = fetching ? <p>Chargement…</p> : <Alert severity="error" title="Profil indisponible" description={errors.general.join(' ') || 'Ce compte n’a pas de fiche professionnelle.'} />;
  } else {
    const rights = rightsOf(me);
    const screen = screenOf(screensFor(rights), props.path);
    if (props.path === '/') content = <Home me={me} screens={screensFor(rights)} />;
    else if (screen === PLACE_SEARCH) content = <PlaceSearch />;
    else if (screen === ADMISSION_REQUESTS) content = <AdmissionRequests me={me} />;
    else if (screen === AVAILABLE_BEDS) content = <CapacityScreen me={me} />;
    else if (screen === TENSIONS) content = <Tensions me={me} path={props.path} />;
    else if (screen === OFFER) content = <Offer me={me} path={props.path} />;
    else if (screen === PROFESSIONALS) content = <Professionals me={me} path={props.path} />;
    else if (screen === EMERGENCY) content = <Emergency me={me} />;
    else if (screen === TERRITORY) content = <TerritoryScreen me={me} />;
    else if (screen === DASHBOARD) content = <Dashboard me={me} />;
    else if (screen === CRISIS) content = <Crisis me={me} />;
    else content = <NotOpen />;
  }
  return (
    <Shell me={me} path={props.path} connection={props.connection}>
      {content}
    </Shell>
  );
}

function NotOpen() {
  return (
    <>
      <h1>Page indisponible</h1>
      <p>Cette page n’existe pas ou vos droits ne l’ouvrent pas.</p>
      <Button linkProps={{ href: '/' }}>Retour à l’accueil</Button>
    </>
  );
}

function Callback() {
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    completeSignIn().then(
      (returnTo) => navigate(returnTo === '/callback' ? '/' : returnTo, { replace: true }),
      (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
    );
  }, []);
  return failure ? (
    <Alert severity="error" title="Connexion impossible" description={`La connexion n’a pas abouti : ${failure}`} />
  ) : (
    <p>Connexion en cours…</p>
  );
}

export function App() {
  const path = usePath();
  const session = readSession();
  if (path === '/callback')
    return (
      <Shell me={null} path={path}>
        <Callback />
      </Shell>
    );
  if (!session)
    return (
      <Shell me={null} path={path}>
        <h1>ROR Hub</h1>
        <p>Le répertoire opérationnel des ressources de la région : offre de soins, lits disponibles, tensions et admissions directes.</p>
        <Button iconId="fr-icon-lock-line" onClick={() => void signIn(path)}>
          Se connecter
        </Button>
      </Shell>
    );
  return <SignedIn session={session} path={path} />;
}
