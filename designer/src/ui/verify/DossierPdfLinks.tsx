import { slipTitles, type SlipKind } from '../../../../engine/index.ts';
import { fill } from '../../i18n/strings.ts';
import { useI18n } from '../I18n.tsx';
import { recallSecret } from '../office/secrets.ts';
import { verifyText } from './verifyText.ts';

/** A row of the list, like the slips' list above it (its class is the office test's anchor). */
const ITEM = { padding: '6px 0' } as const;

/**
 * The dossier's documents as PDF downloads: the signed result once there is one, and each slip
 * issued (the receipt with its lookup secret while this tab still has it).
 */
export function DossierPdfLinks({
  dossier,
}: {
  dossier: {
    readonly id: string;
    readonly status: string;
    readonly slips: readonly { readonly kind: SlipKind }[];
    readonly history: readonly { readonly type: string }[];
    readonly definition: { readonly resultDocument?: { readonly signedOn: string } };
  };
}) {
  const { t, lang } = useI18n();
  const v = verifyText(lang);
  const base = `/api/dossiers/${dossier.id}/pdf`;
  const kinds = [
    ...new Set(dossier.slips.map((x) => x.kind).filter((k) => k !== 'result')),
    'control' as const,
  ].filter((k, i, all) => all.indexOf(k) === i);
  const secret = recallSecret(dossier.id);
  return (
    <section className="card" aria-labelledby="sec-pdf">
      <h2 id="sec-pdf">{v.pdfTitle}</h2>
      <ul className="pdf-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {dossier.history.some((h) => h.type === dossier.definition.resultDocument?.signedOn) ? (
          <li style={ITEM}>
            <a href={`${base}/result`} download>
              {v.pdfResult}
            </a>
          </li>
        ) : null}
        {kinds.map((k) => (
          <li key={k} style={ITEM}>
            <a
              href={`${base}/${k}${k === 'receipt' && secret ? `?secret=${encodeURIComponent(secret)}` : ''}`}
              download
            >
              {fill(v.pdfSlip, { slip: t(slipTitles[k]) })}
            </a>
          </li>
        ))}
        <li style={ITEM}>
          <a href="/xac-minh" target="_blank" rel="noreferrer">
            {v.verifyLink}
          </a>
        </li>
      </ul>
    </section>
  );
}
