// The words of alert messages in each language the site speaks (issue 20).
// Kept here rather than in messages/ because they are rendered outside any page
// (by the delivery job), as plain text and HTML. Labels the site already
// translates (stress kinds, report types) come from messages/<lang>/taxonomy.json.
// Pure: data and string functions only.
import type { AlertEventKind, AlertLocale } from "@/lib/domain/alerts/kinds";
import type { AlertFigureKey } from "@/lib/domain/alerts/payload";
import enTaxonomy from "@/messages/en/taxonomy.json";
import esTaxonomy from "@/messages/es/taxonomy.json";
import ptTaxonomy from "@/messages/pt/taxonomy.json";

/** Values a sentence may use, already formatted for the language. */
export interface SentenceVars {
  issuer: string;
  asOf: string;
  reportType: string;
  revision: string;
  reason: string;
  expectedAsOf: string;
  windowEnd: string;
  stressKind: string;
  startDate: string;
  summary: string;
  token: string;
  band: string;
  threshold: string;
  divergence: string;
}

export interface AlertWords {
  kinds: Record<AlertEventKind, string>;
  subject: Record<AlertEventKind, (v: SentenceVars) => string>;
  lead: Record<AlertEventKind, (v: SentenceVars) => string>;
  figures: Record<AlertFigureKey, string>;
  tokens: string;
  days: (n: string) => string;
  figuresHeading: string;
  computedNote: string;
  links: { page: string; source: string; manage: string; unsubscribe: string };
  footer: { issuer: (name: string) => string; all: string };
  digest: { subject: (count: number, date: string) => string; intro: (count: number, date: string) => string };
  confirm: {
    subject: string;
    intro: (scope: string) => string;
    kindsHeading: string;
    digestNote: string;
    action: string;
    expires: (hours: number) => string;
    ignore: string;
  };
  allIssuers: string;
  stressKinds: Record<string, string>;
  reportTypes: Record<string, string>;
}

const en: AlertWords = {
  kinds: {
    report_published: "Report published",
    report_corrected: "Report corrected",
    report_retracted: "Report retracted",
    report_overdue: "Report overdue",
    stress_event: "Stress event recorded",
    price_band: "Price outside the band around $1",
    supply_divergence: "Live supply diverging from the last report",
    reserve_below_supply: "On-chain reserves below supply",
  },
  subject: {
    report_published: (v) => `${v.issuer}: reserve report as of ${v.asOf} published`,
    report_corrected: (v) => `${v.issuer}: report as of ${v.asOf} corrected`,
    report_retracted: (v) => `${v.issuer}: report as of ${v.asOf} retracted`,
    report_overdue: (v) => `${v.issuer}: reserve report overdue`,
    stress_event: (v) => `${v.issuer}: stress event recorded (${v.stressKind})`,
    price_band: (v) => `${v.issuer}: ${v.token} outside $1 ± ${v.band}%`,
    supply_divergence: (v) => `${v.issuer}: live supply ${v.divergence} from the last report`,
    reserve_below_supply: (v) => `${v.issuer}: on-chain reserves below supply`,
  },
  lead: {
    report_published: (v) => `A reserve report of ${v.issuer} as of ${v.asOf} (${v.reportType}) is now on USD1 Backed.`,
    report_corrected: (v) =>
      `The report of ${v.issuer} as of ${v.asOf} (${v.reportType}) was corrected (revision ${v.revision}). Reason: ${v.reason}`,
    report_retracted: (v) =>
      `The report of ${v.issuer} as of ${v.asOf} was retracted. Reason: ${v.reason} It stays on the page, marked as retracted.`,
    report_overdue: (v) =>
      `The report of ${v.issuer} as of ${v.expectedAsOf} was expected by ${v.windowEnd} at the latest, judged from the issuer's declared cadence and its own past publication delays. It has not been published.`,
    stress_event: (v) => `A stress event of ${v.issuer} was recorded: ${v.stressKind}, from ${v.startDate}. ${v.summary}`,
    price_band: (v) => `The daily price of ${v.token} has been outside the band of ±${v.band}% around $1 since ${v.startDate}.`,
    supply_divergence: (v) =>
      `The token supply read on-chain differs from the tokens outstanding in the last report (as of ${v.asOf}) by more than ${v.threshold}%.`,
    reserve_below_supply: () => "The reserves read on-chain are below the token supply read on-chain.",
  },
  figures: {
    total_reserves: "Total reserves",
    tokens_outstanding: "Tokens outstanding",
    coverage: "Coverage (reserves ÷ tokens, computed)",
    reserve_exposure: "Reserve exposure",
    lowest_price: "Lowest price",
    price: "Latest price",
    deviation: "Largest deviation from $1",
    live_supply: "Supply read on-chain",
    attested_tokens: "Tokens outstanding in the last report",
    divergence: "Difference (computed)",
    onchain_reserves: "Reserves read on-chain",
    shortfall: "Shortfall (computed)",
    days_overdue: "Past the expected window",
  },
  tokens: "tokens",
  days: (n) => `${n} ${n === "1" ? "day" : "days"}`,
  figuresHeading: "Figures",
  computedNote: "≈ rounded as published · ≥ at least · ≤ at most. Computed figures are USD1 Backed's, from the figures above.",
  links: { page: "Issuer page", source: "Source", manage: "Manage your alerts", unsubscribe: "Unsubscribe" },
  footer: {
    issuer: (name) => `You receive this because you follow ${name} on USD1 Backed.`,
    all: "You receive this because you follow every issuer on USD1 Backed.",
  },
  digest: {
    subject: (n, date) => `USD1 Backed: ${n} ${n === 1 ? "alert" : "alerts"} on ${date}`,
    intro: (n, date) => `${n} ${n === 1 ? "thing" : "things"} happened on ${date} among the issuers you follow.`,
  },
  confirm: {
    subject: "Confirm your USD1 Backed alerts",
    intro: (scope) => `Someone, probably you, asked to receive alerts about ${scope} from USD1 Backed at this address.`,
    kindsHeading: "You would be told about",
    digestNote: "As one message a day.",
    action: "Confirm",
    expires: (h) => `The link works for ${h} hours.`,
    ignore: "If you did not ask for this, ignore this message: nothing else will be sent.",
  },
  allIssuers: "every issuer",
  stressKinds: enTaxonomy.stressKind,
  reportTypes: enTaxonomy.reportType,
};

const es: AlertWords = {
  kinds: {
    report_published: "Informe publicado",
    report_corrected: "Informe corregido",
    report_retracted: "Informe retirado",
    report_overdue: "Informe atrasado",
    stress_event: "Evento de estrés registrado",
    price_band: "Precio fuera de la banda en torno a US$1",
    supply_divergence: "Oferta en vivo distinta de la del último informe",
    reserve_below_supply: "Reservas en cadena por debajo de la oferta",
  },
  subject: {
    report_published: (v) => `${v.issuer}: publicado el informe de reservas al ${v.asOf}`,
    report_corrected: (v) => `${v.issuer}: corregido el informe al ${v.asOf}`,
    report_retracted: (v) => `${v.issuer}: retirado el informe al ${v.asOf}`,
    report_overdue: (v) => `${v.issuer}: informe de reservas atrasado`,
    stress_event: (v) => `${v.issuer}: evento de estrés registrado (${v.stressKind})`,
    price_band: (v) => `${v.issuer}: ${v.token} fuera de US$1 ± ${v.band} %`,
    supply_divergence: (v) => `${v.issuer}: la oferta en cadena difiere ${v.divergence} del último informe`,
    reserve_below_supply: (v) => `${v.issuer}: reservas en cadena por debajo de la oferta`,
  },
  lead: {
    report_published: (v) => `Un informe de reservas de ${v.issuer} al ${v.asOf} (${v.reportType}) ya está en USD1 Backed.`,
    report_corrected: (v) =>
      `El informe de ${v.issuer} al ${v.asOf} (${v.reportType}) fue corregido (revisión ${v.revision}). Motivo: ${v.reason}`,
    report_retracted: (v) =>
      `El informe de ${v.issuer} al ${v.asOf} fue retirado. Motivo: ${v.reason} Sigue en la página, marcado como retirado.`,
    report_overdue: (v) =>
      `El informe de ${v.issuer} al ${v.expectedAsOf} se esperaba a más tardar el ${v.windowEnd}, según la periodicidad que declara el emisor y sus propias demoras de publicación anteriores. Todavía no se ha publicado.`,
    stress_event: (v) => `Se registró un evento de estrés de ${v.issuer}: ${v.stressKind}, desde el ${v.startDate}. ${v.summary}`,
    price_band: (v) => `El precio diario de ${v.token} está fuera de la banda de ±${v.band} % en torno a US$1 desde el ${v.startDate}.`,
    supply_divergence: (v) =>
      `La oferta de tokens leída en cadena difiere de los tokens en circulación del último informe (al ${v.asOf}) en más de un ${v.threshold} %.`,
    reserve_below_supply: () => "Las reservas leídas en cadena están por debajo de la oferta de tokens leída en cadena.",
  },
  figures: {
    total_reserves: "Total de reservas",
    tokens_outstanding: "Tokens en circulación",
    coverage: "Cobertura (reservas ÷ tokens, calculada)",
    reserve_exposure: "Exposición de las reservas",
    lowest_price: "Precio más bajo",
    price: "Último precio",
    deviation: "Mayor desviación de US$1",
    live_supply: "Oferta leída en cadena",
    attested_tokens: "Tokens en circulación en el último informe",
    divergence: "Diferencia (calculada)",
    onchain_reserves: "Reservas leídas en cadena",
    shortfall: "Faltante (calculado)",
    days_overdue: "Pasado el plazo esperado",
  },
  tokens: "tokens",
  days: (n) => `${n} ${n === "1" ? "día" : "días"}`,
  figuresHeading: "Cifras",
  computedNote:
    "≈ redondeado como se publicó · ≥ al menos · ≤ como máximo. Las cifras calculadas son de USD1 Backed, a partir de las anteriores.",
  links: { page: "Página del emisor", source: "Fuente", manage: "Gestionar sus alertas", unsubscribe: "Darse de baja" },
  footer: {
    issuer: (name) => `Recibe este mensaje porque sigue a ${name} en USD1 Backed.`,
    all: "Recibe este mensaje porque sigue a todos los emisores en USD1 Backed.",
  },
  digest: {
    subject: (n, date) => `USD1 Backed: ${n} ${n === 1 ? "alerta" : "alertas"} del ${date}`,
    intro: (n, date) => `${n === 1 ? "Ocurrió 1 cosa" : `Ocurrieron ${n} cosas`} el ${date} entre los emisores que sigue.`,
  },
  confirm: {
    subject: "Confirme sus alertas de USD1 Backed",
    intro: (scope) => `Alguien, probablemente usted, pidió recibir en esta dirección alertas de USD1 Backed sobre ${scope}.`,
    kindsHeading: "Se le avisaría de",
    digestNote: "En un solo mensaje al día.",
    action: "Confirmar",
    expires: (h) => `El enlace funciona durante ${h} horas.`,
    ignore: "Si no lo pidió, ignore este mensaje: no se enviará nada más.",
  },
  allIssuers: "todos los emisores",
  stressKinds: esTaxonomy.stressKind,
  reportTypes: esTaxonomy.reportType,
};

const pt: AlertWords = {
  kinds: {
    report_published: "Relatório publicado",
    report_corrected: "Relatório corrigido",
    report_retracted: "Relatório retirado",
    report_overdue: "Relatório atrasado",
    stress_event: "Evento de estresse registrado",
    price_band: "Preço fora da faixa em torno de US$ 1",
    supply_divergence: "Oferta ao vivo diferente da do último relatório",
    reserve_below_supply: "Reservas on-chain abaixo da oferta",
  },
  subject: {
    report_published: (v) => `${v.issuer}: publicado o relatório de reservas de ${v.asOf}`,
    report_corrected: (v) => `${v.issuer}: corrigido o relatório de ${v.asOf}`,
    report_retracted: (v) => `${v.issuer}: retirado o relatório de ${v.asOf}`,
    report_overdue: (v) => `${v.issuer}: relatório de reservas atrasado`,
    stress_event: (v) => `${v.issuer}: evento de estresse registrado (${v.stressKind})`,
    price_band: (v) => `${v.issuer}: ${v.token} fora de US$ 1 ± ${v.band}%`,
    supply_divergence: (v) => `${v.issuer}: oferta on-chain difere ${v.divergence} do último relatório`,
    reserve_below_supply: (v) => `${v.issuer}: reservas on-chain abaixo da oferta`,
  },
  lead: {
    report_published: (v) => `Um relatório de reservas de ${v.issuer} com data-base ${v.asOf} (${v.reportType}) já está no USD1 Backed.`,
    report_corrected: (v) =>
      `O relatório de ${v.issuer} com data-base ${v.asOf} (${v.reportType}) foi corrigido (revisão ${v.revision}). Motivo: ${v.reason}`,
    report_retracted: (v) =>
      `O relatório de ${v.issuer} com data-base ${v.asOf} foi retirado. Motivo: ${v.reason} Ele continua na página, marcado como retirado.`,
    report_overdue: (v) =>
      `O relatório de ${v.issuer} com data-base ${v.expectedAsOf} era esperado até ${v.windowEnd}, segundo a periodicidade declarada pelo emissor e seus próprios prazos de publicação anteriores. Ainda não foi publicado.`,
    stress_event: (v) => `Um evento de estresse de ${v.issuer} foi registrado: ${v.stressKind}, desde ${v.startDate}. ${v.summary}`,
    price_band: (v) => `O preço diário de ${v.token} está fora da faixa de ±${v.band}% em torno de US$ 1 desde ${v.startDate}.`,
    supply_divergence: (v) =>
      `A oferta de tokens lida on-chain difere dos tokens em circulação do último relatório (data-base ${v.asOf}) em mais de ${v.threshold}%.`,
    reserve_below_supply: () => "As reservas lidas on-chain estão abaixo da oferta de tokens lida on-chain.",
  },
  figures: {
    total_reserves: "Total de reservas",
    tokens_outstanding: "Tokens em circulação",
    coverage: "Cobertura (reservas ÷ tokens, calculada)",
    reserve_exposure: "Exposição das reservas",
    lowest_price: "Menor preço",
    price: "Último preço",
    deviation: "Maior desvio de US$ 1",
    live_supply: "Oferta lida on-chain",
    attested_tokens: "Tokens em circulação no último relatório",
    divergence: "Diferença (calculada)",
    onchain_reserves: "Reservas lidas on-chain",
    shortfall: "Déficit (calculado)",
    days_overdue: "Além do prazo esperado",
  },
  tokens: "tokens",
  days: (n) => `${n} ${n === "1" ? "dia" : "dias"}`,
  figuresHeading: "Números",
  computedNote:
    "≈ arredondado como publicado · ≥ pelo menos · ≤ no máximo. Os números calculados são do USD1 Backed, a partir dos anteriores.",
  links: { page: "Página do emissor", source: "Fonte", manage: "Gerenciar seus alertas", unsubscribe: "Cancelar a inscrição" },
  footer: {
    issuer: (name) => `Você recebe esta mensagem porque acompanha ${name} no USD1 Backed.`,
    all: "Você recebe esta mensagem porque acompanha todos os emissores no USD1 Backed.",
  },
  digest: {
    subject: (n, date) => `USD1 Backed: ${n} ${n === 1 ? "alerta" : "alertas"} de ${date}`,
    intro: (n, date) => `${n === 1 ? "Aconteceu 1 coisa" : `Aconteceram ${n} coisas`} em ${date} entre os emissores que você acompanha.`,
  },
  confirm: {
    subject: "Confirme seus alertas do USD1 Backed",
    intro: (scope) => `Alguém, provavelmente você, pediu para receber neste endereço alertas do USD1 Backed sobre ${scope}.`,
    kindsHeading: "Você seria avisado sobre",
    digestNote: "Em uma única mensagem por dia.",
    action: "Confirmar",
    expires: (h) => `O link funciona por ${h} horas.`,
    ignore: "Se você não pediu isto, ignore esta mensagem: nada mais será enviado.",
  },
  allIssuers: "todos os emissores",
  stressKinds: ptTaxonomy.stressKind,
  reportTypes: ptTaxonomy.reportType,
};

export const ALERT_WORDS: Record<AlertLocale, AlertWords> = { en, es, pt };
