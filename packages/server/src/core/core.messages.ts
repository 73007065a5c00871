/**
 * The texts of core's refusals: the general text of every `errors[].extensions.code` a client
 * may meet (API_ERROR_CODES, keyed by the code), and core's precise situations
 * (`CODE.situation`). The general texts of core's user-error codes are CORE_MESSAGES (errors.ts).
 */
import { defineMessages } from './i18n';

export const API_MESSAGES = defineMessages({
  UNAUTHENTICATED: {
    fr: 'Authentification requise : envoyez un jeton (en-tête Authorization: Bearer) ou une clé d’API (en-tête X-Api-Key).',
    en: 'Authentication required: send a bearer token (Authorization: Bearer header) or an API key (X-Api-Key header).',
  },
  FORBIDDEN: { fr: 'Votre rôle ne permet pas cette opération.', en: 'Your role does not allow this operation.' },
  BAD_USER_INPUT: { fr: 'Un argument a été refusé : vérifiez sa valeur.', en: 'An argument was refused: check its value.' },
  NOT_FOUND: { fr: 'Introuvable, ou hors de ce que vous pouvez voir.', en: 'Not found, or outside what you may see.' },
  CONFLICT: { fr: 'La modification entre en conflit avec l’état actuel : relisez, puis décidez.', en: 'The change collides with the current state: read again, then decide.' },
  SERVICE_UNAVAILABLE: {
    fr: 'Le service est momentanément indisponible (base de données injoignable ou saturée). Réessayez plus tard.',
    en: 'The service is temporarily unavailable (database unreachable or saturated). Retry later.',
  },
  THROTTLED: { fr: 'Trop de demandes : réessayez dans quelques instants.', en: 'Too many requests: retry in a moment.' },
  QUERY_TOO_COMPLEX: { fr: 'Cette requête coûte plus que la limite permise : demandez moins d’éléments ou de champs.', en: 'This query costs more than the limit: ask for fewer items or fields.' },
  QUERY_TOO_DEEP: { fr: 'Cette requête est imbriquée plus profondément que le serveur ne l’accepte.', en: 'This query nests deeper than the server allows.' },
  QUERY_TOO_LARGE: { fr: 'Le document compte plus de caractères que le serveur n’en lit.', en: 'The document has more characters than the server reads.' },
  QUERY_TOO_MANY_TOKENS: { fr: 'Le document compte trop d’éléments lexicaux : placez les valeurs dans des variables.', en: 'The document has too many tokens: put values in variables.' },
  QUERY_TOO_MANY_SELECTIONS: { fr: 'Le document compte trop de sélections : scindez-le en plusieurs opérations.', en: 'The document has too many selections: split it into several operations.' },
  QUERY_TOO_MANY_ALIASES: { fr: 'Le document compte trop d’alias.', en: 'The document has too many aliases.' },
  GRAPHQL_PARSE_FAILED: { fr: 'Le document n’est pas du GraphQL valide.', en: 'The document is not valid GraphQL.' },
  GRAPHQL_VALIDATION_FAILED: { fr: 'Le document ne correspond pas au schéma.', en: 'The document does not fit the schema.' },
  BAD_REQUEST: { fr: 'La requête HTTP a été refusée.', en: 'The HTTP request was refused.' },
  PERSISTED_QUERY_NOT_FOUND: { fr: 'Requête persistée inconnue : envoyez le document complet une fois.', en: 'Unknown persisted query: send the full document once.' },
  PERSISTED_QUERY_NOT_SUPPORTED: { fr: 'Les requêtes persistées ne sont pas acceptées ici : envoyez le document complet.', en: 'Persisted queries are not accepted here: send the full document.' },
  OPERATION_RESOLUTION_FAILURE: {
    fr: 'Impossible de choisir l’opération à exécuter : nommez-la (operationName) parmi celles du document.',
    en: 'The operation to run could not be chosen: name it (operationName) among those of the document.',
  },
  SUBSCRIPTION_OVER_HTTP: {
    fr: 'Les abonnements ne passent pas par HTTP : abonnez-vous par WebSocket (protocole graphql-ws) à la même adresse.',
    en: 'Subscriptions are not served over HTTP: subscribe over WebSocket (graphql-ws protocol) at the same URL.',
  },
  ORIGIN_NOT_ALLOWED: { fr: 'Les pages de cette origine ne peuvent pas appeler cette API : le serveur ne la liste pas.', en: 'Pages of this origin may not call this API: the server does not list it.' },
  INTERNAL_SERVER_ERROR: {
    fr: 'Erreur interne du serveur. Indiquez l’identifiant de la requête (requestId) en la signalant.',
    en: 'Internal server error. Quote the request id when reporting it.',
  },
});

export const CORE_SITUATIONS = defineMessages({
  // the document and its cost
  'QUERY_TOO_DEEP.limit': { fr: 'Cette requête est imbriquée sur plus de {max} niveaux, la limite.', en: 'This query nests deeper than the limit of {max} levels.' },
  'QUERY_TOO_COMPLEX.cost': {
    fr: 'Cette requête coûte {cost}, plus que la limite de {max}. Demandez moins d’éléments ou moins de champs imbriqués.',
    en: 'This query costs {cost}, more than the limit of {max}. Ask for fewer items or fewer nested fields.',
  },
  'QUERY_TOO_COMPLEX.expands': {
    fr: 'Cette requête se déploie en plus de {nodes} champs (fragments imbriqués dans des fragments) : elle coûte plus que la limite de {max}.',
    en: 'This query expands to more than {nodes} fields (fragments spread within fragments): it costs more than the limit of {max}.',
  },
  'QUERY_TOO_COMPLEX.budget': {
    fr: 'Cette requête coûte {cost}, plus que tout votre budget de {budget} par {seconds} s. Demandez moins d’éléments.',
    en: 'This query costs {cost}, more than your whole budget of {budget} per {seconds} s. Ask for fewer items.',
  },
  'QUERY_TOO_LARGE.limit': { fr: 'Le document compte {length} caractères, plus que la limite de {max}.', en: 'The document has {length} characters, more than the limit of {max}.' },
  'QUERY_TOO_MANY_TOKENS.limit': {
    fr: 'Le document compte plus de {max} éléments lexicaux. Envoyez un document plus court (les valeurs se placent dans des variables).',
    en: 'The document has more than {max} tokens. Send a shorter document (values belong in variables).',
  },
  'QUERY_TOO_MANY_ALIASES.limit': { fr: 'Le document compte {count} alias, plus que la limite de {max}.', en: 'The document has {count} aliases, more than the limit of {max}.' },
  'QUERY_TOO_MANY_SELECTIONS.limit': {
    fr: 'Le document compte {count} sélections (champs et fragments), plus que la limite de {max}. Scindez-le en plusieurs opérations.',
    en: 'The document has {count} selections (fields and fragments), more than the limit of {max}. Split it into several operations.',
  },
  'THROTTLED.admission': {
    fr: 'Trop de vos opérations sont en cours ou en attente sur ce serveur ({concurrency} à la fois, {waiting} en file) : réessayez dans un instant.',
    en: 'Too many operations of yours are running or waiting on this server ({concurrency} at once, {waiting} in line); retry in a moment.',
  },
  'THROTTLED.budget': {
    fr: 'Budget de coût de {budget} par {seconds} s épuisé : réessayez dans {retry} s.',
    en: 'Cost budget of {budget} per {seconds} s spent; retry in {retry} s.',
  },
  'BAD_USER_INPUT.dataException': {
    fr: 'Une valeur est hors limites, trop longue ou mal formée pour ce champ.',
    en: 'A value is out of range, too long or malformed for this field.',
  },
  'UNAUTHENTICATED.introspection': { fr: 'En production, l’introspection demande un jeton.', en: 'Introspection needs a token in production.' },
  'FORBIDDEN.introspection': { fr: 'En production, l’introspection est réservée au rôle : {roles}.', en: 'Introspection is for the role {roles} in production.' },
  // the HTTP body
  'BAD_REQUEST.tooLarge': { fr: 'Le corps de la requête est trop volumineux.', en: 'The request body is too large.' },
  'BAD_REQUEST.encoding': { fr: 'L’encodage de contenu « {encoding} » n’est pas pris en charge.', en: 'The content encoding "{encoding}" is not supported.' },
  'BAD_REQUEST.tooSlow': { fr: 'Le corps de la requête n’est pas arrivé en {ms} ms.', en: 'The request body did not arrive within {ms} ms.' },
  'BAD_REQUEST.unreadable': { fr: 'Le corps de la requête n’a pas pu être lu.', en: 'The request body could not be read.' },
  'BAD_REQUEST.json': { fr: 'Le corps de la requête n’est pas du JSON valide.', en: 'The request body is not valid JSON.' },
  'BAD_REQUEST.csrfGet': {
    fr: 'Cette requête GET a été bloquée comme possible falsification de requête intersite (CSRF) : joignez-lui l’en-tête `apollo-require-preflight: true` (toute valeur non vide ; `x-apollo-operation-name` convient aussi), ou envoyez l’opération en POST au format JSON (`content-type: application/json`). Un GET d’un document persisté par son identifiant n’a besoin ni de l’un ni de l’autre.',
    en: 'This GET has been blocked as a potential Cross-Site Request Forgery (CSRF): send the header `apollo-require-preflight: true` with it (any non-empty value; `x-apollo-operation-name` also does), or POST the operation as JSON (`content-type: application/json`). A GET of a persisted document by its id needs neither.',
  },
  'BAD_REQUEST.csrfPost': {
    fr: 'Cette requête POST a été bloquée comme possible falsification de requête intersite (CSRF) : envoyez l’opération au format JSON (`content-type: application/json`), ou joignez-lui l’en-tête `apollo-require-preflight: true` (toute valeur non vide).',
    en: 'This POST has been blocked as a potential Cross-Site Request Forgery (CSRF): send the operation as JSON (`content-type: application/json`), or send the header `apollo-require-preflight: true` with it (any non-empty value).',
  },
  // Apollo Server's own refusals of a request, said in the request's language (pipeline.ts `apolloRefusal`)
  'BAD_REQUEST.getNotQuery': {
    fr: 'Une requête GET n’exécute que des lectures (query), pas une opération {operation} : envoyez-la en POST.',
    en: 'GET requests only support query operations, not {operation} operations: send it by POST.',
  },
  'BAD_REQUEST.method': { fr: 'Seules les méthodes GET et POST sont acceptées.', en: 'Only GET and POST requests are accepted.' },
  'BAD_REQUEST.noQuery': {
    fr: 'Une opération GraphQL demande un document (`query`) non vide ou une extension `persistedQuery`.',
    en: 'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.',
  },
  'BAD_REQUEST.queryNotString': { fr: 'Le document (`query`) s’envoie sous forme de texte GraphQL.', en: 'The document (`query`) is sent as GraphQL text.' },
  'BAD_REQUEST.emptyBody': {
    fr: 'Corps POST absent, type de contenu non valide, ou objet JSON sans clé.',
    en: 'POST body missing, invalid Content-Type, or JSON object has no keys.',
  },
  'BAD_REQUEST.notObject': { fr: '`{name}` doit être un objet JSON, s’il est donné.', en: '`{name}` must be a JSON object, if provided.' },
  'BAD_REQUEST.operationNameNotString': { fr: '`operationName` doit être un texte, s’il est donné.', en: '`operationName` must be a string, if provided.' },
  'BAD_REQUEST.searchParamTwice': { fr: 'Le paramètre d’URL « {name} » ne peut être donné qu’une fois.', en: 'The "{name}" search parameter may only be given once.' },
  'BAD_REQUEST.searchParamJson': { fr: 'Le paramètre d’URL « {name} » doit contenir un objet JSON valide.', en: 'The "{name}" search parameter must contain a valid JSON object.' },
  'BAD_REQUEST.getContentType': {
    fr: 'Une requête GET ne peut porter d’autre type de contenu que application/json.',
    en: 'GET requests may not have a content type other than application/json.',
  },
  'BAD_REQUEST.accept': {
    fr: 'L’en-tête Accept de cette requête n’accepte ni application/json ni application/graphql-response+json.',
    en: 'The Accept header of this request accepts neither application/json nor application/graphql-response+json.',
  },
  'BAD_REQUEST.batching': { fr: 'Les requêtes groupées (un tableau d’opérations) ne sont pas acceptées : envoyez une opération à la fois.', en: 'Batched requests (an array of operations) are not accepted: send one operation at a time.' },
  'BAD_REQUEST.persistedMismatch': {
    fr: 'Le document envoyé n’est pas le document persisté {id} : envoyez l’identifiant seul, ou le document seul.',
    en: 'The document sent is not the persisted document {id}: send the id alone, or the document alone.',
  },
  'PERSISTED_QUERY_NOT_FOUND.manifest': {
    fr: 'PersistedQueryNotFound : ce serveur connaît les documents de ses manifestes (celui du SDK, et PERSISTED_DOCUMENTS_FILES) et n’en enregistre pas d’autres (PERSISTED_QUERIES=manifest) : envoyez le document complet.',
    en: 'PersistedQueryNotFound: this server knows the documents of its manifests (the SDK’s, and PERSISTED_DOCUMENTS_FILES) and does not register others (PERSISTED_QUERIES=manifest): send the full document.',
  },
  'ORIGIN_NOT_ALLOWED.origin': {
    fr: 'Les pages de l’origine {origin} ne peuvent pas appeler cette API : le serveur ne la liste pas. Ses exploitants l’ajoutent au réglage CORS_ORIGINS (liste d’origines exactes séparées par des virgules, schéma://hôte[:port]) puis le redémarrent.',
    en: 'Pages of the origin {origin} may not call this API: the server does not list it. Its operators add it to the CORS_ORIGINS setting (a comma-separated list of exact origins, scheme://host[:port]) and restart it.',
  },
  // operations
  'SUBSCRIPTION_OVER_HTTP.how': {
    fr: 'Les abonnements ne passent pas par HTTP : ouvrez un WebSocket (protocole graphql-ws) vers cette même adresse (ws:// ou wss://) et abonnez-vous par lui — dans Apollo Client, un lien partagé (split) qui envoie les abonnements à un GraphQLWsLink ; dans le SDK, `subscribe`. Rien n’a été exécuté ni décompté.',
    en: 'Subscriptions are not served over HTTP: open a WebSocket (graphql-ws protocol) to this same URL (ws:// or wss://) and subscribe there — in Apollo Client, a split link sending subscriptions to a GraphQLWsLink; in the SDK, `subscribe`. Nothing was run or charged.',
  },
  'OPERATION_RESOLUTION_FAILURE.unknownName': {
    fr: 'Le document n’a aucune opération nommée « {name} ». {count, plural, =0 {Il n’a aucune opération.} other {Ses opérations : {operations}.}} Envoyez l’un de ces noms comme operationName, ou le document qui la contient.',
    en: 'The document has no operation named "{name}". {count, plural, =0 {The document has no operation.} other {The document’s operations: {operations}.}} Send one of these names as operationName, or the document that has it.',
  },
  'OPERATION_RESOLUTION_FAILURE.anonymous': { fr: '(anonyme)', en: '(anonymous)' },
  'OPERATION_RESOLUTION_FAILURE.several': {
    fr: 'Le document a plusieurs opérations et aucun operationName ne dit laquelle exécuter. Ses opérations : {operations}. Envoyez celle à exécuter comme operationName.',
    en: 'The document has several operations and no operationName says which to run. The document’s operations: {operations}. Send the one to run as operationName.',
  },
  // ids, pages, cursors
  'INVALID_ID.malformed': { fr: 'Cet identifiant n’est pas valide.', en: 'This is not a valid id.' },
  'INVALID_ID.ofType': { fr: 'Cet identifiant n’est pas un identifiant valide de {type}.', en: 'This is not a valid {type} id.' },
  'INVALID_ID.otherType': { fr: 'Cet identifiant désigne un objet {actual}, et non {expected}.', en: 'This id names a {actual}, not a {expected}.' },
  'INVALID_ID.node': { fr: 'Identifiant non valide : {id}', en: 'Not a valid id: {id}' },
  'INVALID_FORMAT.cursor': { fr: 'Ce curseur n’est pas valide pour cette liste.', en: 'This is not a valid cursor for this list.' },
  'VALIDATION_FAILED.firstAndLast': { fr: 'Donnez first ou last, pas les deux.', en: 'Pass either first or last, not both.' },
  // imports
  'TOO_MANY_ITEMS.importRows': {
    fr: 'Un import compte au plus {max} lignes en tout : la lecture s’est arrêtée à la ligne {line}.',
    en: 'An import takes at most {max} lines in all: reading stopped at line {line}.',
  },
  'INVALID_FORMAT.jsonDepth': { fr: 'Le JSON est imbriqué sur plus des {max} niveaux qu’un import peut avoir.', en: 'The JSON nests deeper than the {max} levels an import may have.' },
  'INVALID_FORMAT.json': { fr: 'Le JSON ne se lit pas : {reason}', en: 'The JSON does not parse: {reason}' },
  'INVALID_FORMAT.jsonShape': { fr: 'Le JSON doit être un seul objet de tableaux.', en: 'The JSON must be one object of arrays.' },
  'INVALID_FORMAT.jsonArray': { fr: '« {key} » doit être un tableau.', en: '"{key}" must be an array.' },
  'INVALID_FORMAT.csv': { fr: 'Le CSV ne se lit pas : {reason}', en: 'The CSV does not parse: {reason}' },
  'INVALID_FORMAT.columns': {
    fr: '{json, select, true {Les objets de « {key} » ne conviennent pas} other {L’en-tête du CSV ne convient pas}} ({problems}). Colonnes attendues : {expected}.',
    en: '{json, select, true {The objects of "{key}" do} other {The CSV header does}} not fit ({problems}). Expected columns: {expected}.',
  },
  'INVALID_FORMAT.columnsMissing': { fr: 'colonnes manquantes : {columns}', en: 'missing columns: {columns}' },
  'INVALID_FORMAT.columnsUnknown': { fr: 'colonnes inconnues : {columns}', en: 'unknown columns: {columns}' },
  'INVALID_FORMAT.columnOptional': { fr: '{column} (facultative)', en: '{column} (optional)' },
});
