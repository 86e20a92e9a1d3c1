/**
 * Complaint information every individual decision (enkeltvedtak) must carry (forvaltningsloven
 * §§ 27 and 29; integreringsloven § 46): the right to complain, the three-week deadline, where to send
 * it, the right to see the case documents. In bokmål and nynorsk, as decision letters are written.
 */
export const COMPLAINT_INFO = {
  nb:
    'Du kan klage på vedtaket. Fristen er tre uker fra du mottok vedtaket. Klagen sendes til kommunen, som vurderer saken på nytt. ' +
    'Opprettholder kommunen vedtaket, sendes klagen til Statsforvalteren. Du har rett til å se dokumentene i saken (forvaltningsloven §§ 18 og 19). ' +
    'Hjemmel: integreringsloven § 46 og forvaltningsloven §§ 28–29.',
  nn:
    'Du kan klage på vedtaket. Fristen er tre veker frå du fekk vedtaket. Klaga skal sendast til kommunen, som vurderer saka på nytt. ' +
    'Held kommunen fast på vedtaket, blir klaga send til Statsforvaltaren. Du har rett til å sjå dokumenta i saka (forvaltningslova §§ 18 og 19). ' +
    'Heimel: integreringslova § 46 og forvaltningslova §§ 28–29.',
} as const;

/** A plan is reviewed at least this often (introduksjonsloven § 6 practice, assumed for IntegL; rules.md § 1.6). */
export const PLAN_REVIEW_MONTHS = 6;
