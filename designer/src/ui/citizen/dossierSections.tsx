import type { ReactNode } from 'react';
import type { OnlineDossier } from '../../api/citizen.ts';
import { PaymentPanel } from './PaymentPanel.tsx';
import { RatingForm } from './RatingForm.tsx';
import { AnswersSection, ResultSection, StatusSection } from './StandardSections.tsx';
import { SupplementSection } from './SupplementSection.tsx';

/** What every section of the citizen's dossier page receives. */
export interface DossierSectionProps {
  readonly dossier: OnlineDossier;
  readonly code: string;
  readonly secret: string;
  /** The dossier as the server answered after an action of the section (e.g. a supplement). */
  readonly onChanged: (dossier: OnlineDossier) => void;
}

/** A section of the citizen's dossier page; `visible` false leaves it out. */
export interface DossierSection {
  readonly id: string;
  readonly visible?: (dossier: OnlineDossier) => boolean;
  readonly render: (props: DossierSectionProps) => ReactNode;
}

/**
 * The sections of the citizen's dossier page, in order. Other parts of the service (fees and
 * payment, the satisfaction rating) add their section here, each in its own file.
 */
export const DOSSIER_SECTIONS: readonly DossierSection[] = [
  { id: 'status', render: (p) => <StatusSection {...p} /> },
  { id: 'answers', render: (p) => <AnswersSection {...p} /> },
  {
    id: 'supplement',
    visible: (d) => d.supplement !== null,
    render: (p) => <SupplementSection {...p} />,
  },
  {
    id: 'result',
    // A refused or withdrawn dossier has no result to wait for (its answer says why).
    visible: (d) => d.outcome !== 'refused' && d.outcome !== 'withdrawn',
    render: (p) => <ResultSection {...p} />,
  },
  // Fees due and paid, the VietQR transfer while the fee is awaited (hidden with no fees).
  { id: 'payment', render: (p) => <PaymentPanel code={p.code} secret={p.secret} /> },
  {
    id: 'rating',
    visible: (d) => d.canRate || d.rated,
    render: (p) => <RatingForm code={p.code} secret={p.secret} rated={p.dossier.rated} />,
  },
];
