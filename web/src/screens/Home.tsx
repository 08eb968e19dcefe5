import { Tile } from '@codegouvfr/react-dsfr/Tile';
import type { Me, Screen } from '../rights';

export function Home(props: { me: Me; screens: Screen[] }) {
  return (
    <>
      <h1>Bonjour {props.me.firstName} {props.me.lastName}</h1>
      {props.screens.length === 0 ? (
        <p>Vos droits n’ouvrent encore aucun écran de la console.</p>
      ) : (
        <div className="fr-grid-row fr-grid-row--gutters">
          {props.screens.map((screen) => (
            <div key={screen.path} className="fr-col-12 fr-col-md-6">
              <Tile title={screen.title} desc={screen.description} linkProps={{ href: screen.path }} orientation="horizontal" />
            </div>
          ))}
        </div>
      )}
    </>
  );
}
