/** Small line icons of the palette and the context pad (no icon font, no emoji). */
const common = {
  width: 18,
  height: 18,
  viewBox: '0 0 18 18',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  'aria-hidden': true,
} as const;

export const StepIcon = () => (
  <svg {...common}>
    <rect x="2" y="4.5" width="14" height="9" rx="2" />
  </svg>
);

export const FinalIcon = () => (
  <svg {...common}>
    <circle cx="9" cy="9" r="6.5" strokeWidth="2.6" />
  </svg>
);

export const ParallelIcon = () => (
  <svg {...common}>
    <rect x="1.5" y="2.5" width="15" height="13" rx="2" strokeDasharray="2.5 1.5" />
    <path d="M5 6.5h8M5 11.5h8" />
  </svg>
);

export const AppendIcon = () => (
  <svg {...common}>
    <path d="M1.5 9h6M5.5 6.5 8 9l-2.5 2.5" />
    <rect x="9.5" y="5" width="7" height="8" rx="1.5" />
  </svg>
);

export const DeleteIcon = () => (
  <svg {...common}>
    <path d="M3 5h12M7 5V3h4v2M5 5l.8 10h6.4L13 5" />
  </svg>
);
