import { type GraphQLClient, type RequestOptions } from 'graphql-request';
import * as Operations from './documents.js';
type GraphQLClientRequestHeaders = RequestOptions['requestHeaders'];





















































































































































export type SdkFunctionWrapper = <T>(action: (requestHeaders?:Record<string, string>) => Promise<T>, operationName: string, operationType?: string, variables?: any) => Promise<T>;


const defaultWrapper: SdkFunctionWrapper = (action, _operationName, _operationType, _variables) => action();

export function getSdk(client: GraphQLClient, withWrapper: SdkFunctionWrapper = defaultWrapper) {
  return {
    CreateUpload(variables: Operations.CreateUploadMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.CreateUploadMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.CreateUploadMutation>({ document: Operations.CreateUploadDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CreateUpload', 'mutation', variables);
    },
    AddTicketAttachment(variables: Operations.AddTicketAttachmentMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.AddTicketAttachmentMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.AddTicketAttachmentMutation>({ document: Operations.AddTicketAttachmentDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'AddTicketAttachment', 'mutation', variables);
    },
    RemoveTicketAttachment(variables: Operations.RemoveTicketAttachmentMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.RemoveTicketAttachmentMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.RemoveTicketAttachmentMutation>({ document: Operations.RemoveTicketAttachmentDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RemoveTicketAttachment', 'mutation', variables);
    },
    TicketAttachments(variables: Operations.TicketAttachmentsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TicketAttachmentsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TicketAttachmentsQuery>({ document: Operations.TicketAttachmentsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TicketAttachments', 'query', variables);
    },
    AddKnowledgeImage(variables: Operations.AddKnowledgeImageMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.AddKnowledgeImageMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.AddKnowledgeImageMutation>({ document: Operations.AddKnowledgeImageDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'AddKnowledgeImage', 'mutation', variables);
    },
    AuditEntries(variables?: Operations.AuditEntriesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.AuditEntriesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.AuditEntriesQuery>({ document: Operations.AuditEntriesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'AuditEntries', 'query', variables);
    },
    AuditEntriesCsv(variables?: Operations.AuditEntriesCsvQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.AuditEntriesCsvQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.AuditEntriesCsvQuery>({ document: Operations.AuditEntriesCsvDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'AuditEntriesCsv', 'query', variables);
    },
    ErasePerson(variables: Operations.ErasePersonMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ErasePersonMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ErasePersonMutation>({ document: Operations.ErasePersonDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ErasePerson', 'mutation', variables);
    },
    Bots(variables?: Operations.BotsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.BotsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.BotsQuery>({ document: Operations.BotsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Bots', 'query', variables);
    },
    StartConversation(variables: Operations.StartConversationMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.StartConversationMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.StartConversationMutation>({ document: Operations.StartConversationDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'StartConversation', 'mutation', variables);
    },
    SendMessage(variables: Operations.SendMessageMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.SendMessageMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.SendMessageMutation>({ document: Operations.SendMessageDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SendMessage', 'mutation', variables);
    },
    Choose(variables: Operations.ChooseMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ChooseMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ChooseMutation>({ document: Operations.ChooseDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Choose', 'mutation', variables);
    },
    GiveFeedback(variables: Operations.GiveFeedbackMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.GiveFeedbackMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.GiveFeedbackMutation>({ document: Operations.GiveFeedbackDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'GiveFeedback', 'mutation', variables);
    },
    RequestTicket(variables: Operations.RequestTicketMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.RequestTicketMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.RequestTicketMutation>({ document: Operations.RequestTicketDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RequestTicket', 'mutation', variables);
    },
    Conversation(variables: Operations.ConversationQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ConversationQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ConversationQuery>({ document: Operations.ConversationDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Conversation', 'query', variables);
    },
    MyConversations(variables?: Operations.MyConversationsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.MyConversationsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.MyConversationsQuery>({ document: Operations.MyConversationsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'MyConversations', 'query', variables);
    },
    ConversationTurns(variables: Operations.ConversationTurnsSubscriptionVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ConversationTurnsSubscription> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ConversationTurnsSubscription>({ document: Operations.ConversationTurnsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ConversationTurns', 'subscription', variables);
    },
    TicketRequests(variables?: Operations.TicketRequestsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TicketRequestsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TicketRequestsQuery>({ document: Operations.TicketRequestsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TicketRequests', 'query', variables);
    },
    DismissTicketRequest(variables: Operations.DismissTicketRequestMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.DismissTicketRequestMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.DismissTicketRequestMutation>({ document: Operations.DismissTicketRequestDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'DismissTicketRequest', 'mutation', variables);
    },
    ConvertTicketRequest(variables: Operations.ConvertTicketRequestMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ConvertTicketRequestMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ConvertTicketRequestMutation>({ document: Operations.ConvertTicketRequestDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ConvertTicketRequest', 'mutation', variables);
    },
    ChatbotMetrics(variables: Operations.ChatbotMetricsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ChatbotMetricsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ChatbotMetricsQuery>({ document: Operations.ChatbotMetricsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ChatbotMetrics', 'query', variables);
    },
    Macros(variables?: Operations.MacrosQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.MacrosQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.MacrosQuery>({ document: Operations.MacrosDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Macros', 'query', variables);
    },
    CreateMacro(variables: Operations.CreateMacroMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.CreateMacroMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.CreateMacroMutation>({ document: Operations.CreateMacroDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CreateMacro', 'mutation', variables);
    },
    UpdateMacro(variables: Operations.UpdateMacroMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.UpdateMacroMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.UpdateMacroMutation>({ document: Operations.UpdateMacroDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'UpdateMacro', 'mutation', variables);
    },
    DeleteMacro(variables: Operations.DeleteMacroMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.DeleteMacroMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.DeleteMacroMutation>({ document: Operations.DeleteMacroDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'DeleteMacro', 'mutation', variables);
    },
    ApplyMacro(variables: Operations.ApplyMacroMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ApplyMacroMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ApplyMacroMutation>({ document: Operations.ApplyMacroDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ApplyMacro', 'mutation', variables);
    },
    SavedViews(variables?: Operations.SavedViewsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.SavedViewsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.SavedViewsQuery>({ document: Operations.SavedViewsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SavedViews', 'query', variables);
    },
    SavedViewTickets(variables: Operations.SavedViewTicketsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.SavedViewTicketsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.SavedViewTicketsQuery>({ document: Operations.SavedViewTicketsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SavedViewTickets', 'query', variables);
    },
    CreateSavedView(variables: Operations.CreateSavedViewMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.CreateSavedViewMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.CreateSavedViewMutation>({ document: Operations.CreateSavedViewDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CreateSavedView', 'mutation', variables);
    },
    UpdateSavedView(variables: Operations.UpdateSavedViewMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.UpdateSavedViewMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.UpdateSavedViewMutation>({ document: Operations.UpdateSavedViewDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'UpdateSavedView', 'mutation', variables);
    },
    DeleteSavedView(variables: Operations.DeleteSavedViewMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.DeleteSavedViewMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.DeleteSavedViewMutation>({ document: Operations.DeleteSavedViewDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'DeleteSavedView', 'mutation', variables);
    },
    Viewer(variables?: Operations.ViewerQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ViewerQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ViewerQuery>({ document: Operations.ViewerDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Viewer', 'query', variables);
    },
    Ministries(variables?: Operations.MinistriesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.MinistriesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.MinistriesQuery>({ document: Operations.MinistriesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Ministries', 'query', variables);
    },
    SupportTeams(variables?: Operations.SupportTeamsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.SupportTeamsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.SupportTeamsQuery>({ document: Operations.SupportTeamsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SupportTeams', 'query', variables);
    },
    Structures(variables?: Operations.StructuresQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.StructuresQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.StructuresQuery>({ document: Operations.StructuresDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Structures', 'query', variables);
    },
    People(variables?: Operations.PeopleQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.PeopleQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.PeopleQuery>({ document: Operations.PeopleDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'People', 'query', variables);
    },
    WhomToAsk(variables: Operations.WhomToAskQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.WhomToAskQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.WhomToAskQuery>({ document: Operations.WhomToAskDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'WhomToAsk', 'query', variables);
    },
    Node(variables: Operations.NodeQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.NodeQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.NodeQuery>({ document: Operations.NodeDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Node', 'query', variables);
    },
    CreateStructure(variables: Operations.CreateStructureMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.CreateStructureMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.CreateStructureMutation>({ document: Operations.CreateStructureDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CreateStructure', 'mutation', variables);
    },
    UpdateStructure(variables: Operations.UpdateStructureMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.UpdateStructureMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.UpdateStructureMutation>({ document: Operations.UpdateStructureDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'UpdateStructure', 'mutation', variables);
    },
    CreatePerson(variables: Operations.CreatePersonMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.CreatePersonMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.CreatePersonMutation>({ document: Operations.CreatePersonDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CreatePerson', 'mutation', variables);
    },
    UpdatePerson(variables: Operations.UpdatePersonMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.UpdatePersonMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.UpdatePersonMutation>({ document: Operations.UpdatePersonDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'UpdatePerson', 'mutation', variables);
    },
    AssignCorrespondent(variables: Operations.AssignCorrespondentMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.AssignCorrespondentMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.AssignCorrespondentMutation>({ document: Operations.AssignCorrespondentDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'AssignCorrespondent', 'mutation', variables);
    },
    EndCorrespondentAssignment(variables: Operations.EndCorrespondentAssignmentMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.EndCorrespondentAssignmentMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.EndCorrespondentAssignmentMutation>({ document: Operations.EndCorrespondentAssignmentDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'EndCorrespondentAssignment', 'mutation', variables);
    },
    DirectoryChanged(variables?: Operations.DirectoryChangedSubscriptionVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.DirectoryChangedSubscription> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.DirectoryChangedSubscription>({ document: Operations.DirectoryChangedDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'DirectoryChanged', 'subscription', variables);
    },
    ImportDirectory(variables: Operations.ImportDirectoryMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ImportDirectoryMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ImportDirectoryMutation>({ document: Operations.ImportDirectoryDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ImportDirectory', 'mutation', variables);
    },
    ImportKnowledgeItems(variables: Operations.ImportKnowledgeItemsMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ImportKnowledgeItemsMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ImportKnowledgeItemsMutation>({ document: Operations.ImportKnowledgeItemsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ImportKnowledgeItems', 'mutation', variables);
    },
    ImportClosedDays(variables: Operations.ImportClosedDaysMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ImportClosedDaysMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ImportClosedDaysMutation>({ document: Operations.ImportClosedDaysDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ImportClosedDays', 'mutation', variables);
    },
    FileIncident(variables: Operations.FileIncidentMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.FileIncidentMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.FileIncidentMutation>({ document: Operations.FileIncidentDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'FileIncident', 'mutation', variables);
    },
    IncidentTicket(variables: Operations.IncidentTicketQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.IncidentTicketQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.IncidentTicketQuery>({ document: Operations.IncidentTicketDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'IncidentTicket', 'query', variables);
    },
    IncidentRoutingRules(variables?: Operations.IncidentRoutingRulesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.IncidentRoutingRulesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.IncidentRoutingRulesQuery>({ document: Operations.IncidentRoutingRulesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'IncidentRoutingRules', 'query', variables);
    },
    SaveIncidentRoutingRule(variables: Operations.SaveIncidentRoutingRuleMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.SaveIncidentRoutingRuleMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.SaveIncidentRoutingRuleMutation>({ document: Operations.SaveIncidentRoutingRuleDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SaveIncidentRoutingRule', 'mutation', variables);
    },
    CurrentApplication(variables?: Operations.CurrentApplicationQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.CurrentApplicationQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.CurrentApplicationQuery>({ document: Operations.CurrentApplicationDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CurrentApplication', 'query', variables);
    },
    FileIncidents(variables: Operations.FileIncidentsMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.FileIncidentsMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.FileIncidentsMutation>({ document: Operations.FileIncidentsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'FileIncidents', 'mutation', variables);
    },
    Applications(variables?: Operations.ApplicationsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ApplicationsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ApplicationsQuery>({ document: Operations.ApplicationsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Applications', 'query', variables);
    },
    RegisterApplication(variables: Operations.RegisterApplicationMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.RegisterApplicationMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.RegisterApplicationMutation>({ document: Operations.RegisterApplicationDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RegisterApplication', 'mutation', variables);
    },
    UpdateApplication(variables: Operations.UpdateApplicationMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.UpdateApplicationMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.UpdateApplicationMutation>({ document: Operations.UpdateApplicationDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'UpdateApplication', 'mutation', variables);
    },
    IssueApiKey(variables: Operations.IssueApiKeyMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.IssueApiKeyMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.IssueApiKeyMutation>({ document: Operations.IssueApiKeyDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'IssueApiKey', 'mutation', variables);
    },
    RotateApiKey(variables: Operations.RotateApiKeyMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.RotateApiKeyMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.RotateApiKeyMutation>({ document: Operations.RotateApiKeyDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RotateApiKey', 'mutation', variables);
    },
    RevokeApiKey(variables: Operations.RevokeApiKeyMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.RevokeApiKeyMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.RevokeApiKeyMutation>({ document: Operations.RevokeApiKeyDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RevokeApiKey', 'mutation', variables);
    },
    WebhookDeliveries(variables?: Operations.WebhookDeliveriesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.WebhookDeliveriesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.WebhookDeliveriesQuery>({ document: Operations.WebhookDeliveriesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'WebhookDeliveries', 'query', variables);
    },
    KnowledgeItems(variables?: Operations.KnowledgeItemsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.KnowledgeItemsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.KnowledgeItemsQuery>({ document: Operations.KnowledgeItemsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'KnowledgeItems', 'query', variables);
    },
    KnowledgeItem(variables: Operations.KnowledgeItemQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.KnowledgeItemQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.KnowledgeItemQuery>({ document: Operations.KnowledgeItemDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'KnowledgeItem', 'query', variables);
    },
    MatchMessage(variables: Operations.MatchMessageQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.MatchMessageQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.MatchMessageQuery>({ document: Operations.MatchMessageDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'MatchMessage', 'query', variables);
    },
    CreateKnowledgeItem(variables: Operations.CreateKnowledgeItemMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.CreateKnowledgeItemMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.CreateKnowledgeItemMutation>({ document: Operations.CreateKnowledgeItemDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CreateKnowledgeItem', 'mutation', variables);
    },
    UpdateKnowledgeItem(variables: Operations.UpdateKnowledgeItemMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.UpdateKnowledgeItemMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.UpdateKnowledgeItemMutation>({ document: Operations.UpdateKnowledgeItemDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'UpdateKnowledgeItem', 'mutation', variables);
    },
    PublishKnowledgeItem(variables: Operations.PublishKnowledgeItemMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.PublishKnowledgeItemMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.PublishKnowledgeItemMutation>({ document: Operations.PublishKnowledgeItemDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'PublishKnowledgeItem', 'mutation', variables);
    },
    ArchiveKnowledgeItem(variables: Operations.ArchiveKnowledgeItemMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ArchiveKnowledgeItemMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ArchiveKnowledgeItemMutation>({ document: Operations.ArchiveKnowledgeItemDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ArchiveKnowledgeItem', 'mutation', variables);
    },
    AddReformulation(variables: Operations.AddReformulationMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.AddReformulationMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.AddReformulationMutation>({ document: Operations.AddReformulationDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'AddReformulation', 'mutation', variables);
    },
    RemoveReformulation(variables: Operations.RemoveReformulationMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.RemoveReformulationMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.RemoveReformulationMutation>({ document: Operations.RemoveReformulationDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RemoveReformulation', 'mutation', variables);
    },
    UpdateBot(variables: Operations.UpdateBotMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.UpdateBotMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.UpdateBotMutation>({ document: Operations.UpdateBotDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'UpdateBot', 'mutation', variables);
    },
    ReviewQueue(variables?: Operations.ReviewQueueQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ReviewQueueQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ReviewQueueQuery>({ document: Operations.ReviewQueueDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ReviewQueue', 'query', variables);
    },
    AddReviewAsReformulation(variables: Operations.AddReviewAsReformulationMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.AddReviewAsReformulationMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.AddReviewAsReformulationMutation>({ document: Operations.AddReviewAsReformulationDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'AddReviewAsReformulation', 'mutation', variables);
    },
    CreateItemFromReview(variables: Operations.CreateItemFromReviewMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.CreateItemFromReviewMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.CreateItemFromReviewMutation>({ document: Operations.CreateItemFromReviewDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CreateItemFromReview', 'mutation', variables);
    },
    IgnoreReview(variables: Operations.IgnoreReviewMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.IgnoreReviewMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.IgnoreReviewMutation>({ document: Operations.IgnoreReviewDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'IgnoreReview', 'mutation', variables);
    },
    KnowledgeAbbreviations(variables?: Operations.KnowledgeAbbreviationsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.KnowledgeAbbreviationsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.KnowledgeAbbreviationsQuery>({ document: Operations.KnowledgeAbbreviationsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'KnowledgeAbbreviations', 'query', variables);
    },
    SetAbbreviation(variables: Operations.SetAbbreviationMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.SetAbbreviationMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.SetAbbreviationMutation>({ document: Operations.SetAbbreviationDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SetAbbreviation', 'mutation', variables);
    },
    RemoveAbbreviation(variables: Operations.RemoveAbbreviationMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.RemoveAbbreviationMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.RemoveAbbreviationMutation>({ document: Operations.RemoveAbbreviationDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RemoveAbbreviation', 'mutation', variables);
    },
    LinkTicketToKnownError(variables: Operations.LinkTicketToKnownErrorMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.LinkTicketToKnownErrorMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.LinkTicketToKnownErrorMutation>({ document: Operations.LinkTicketToKnownErrorDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'LinkTicketToKnownError', 'mutation', variables);
    },
    UnlinkTicketFromKnownError(variables: Operations.UnlinkTicketFromKnownErrorMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.UnlinkTicketFromKnownErrorMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.UnlinkTicketFromKnownErrorMutation>({ document: Operations.UnlinkTicketFromKnownErrorDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'UnlinkTicketFromKnownError', 'mutation', variables);
    },
    KnownErrorTickets(variables: Operations.KnownErrorTicketsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.KnownErrorTicketsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.KnownErrorTicketsQuery>({ document: Operations.KnownErrorTicketsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'KnownErrorTickets', 'query', variables);
    },
    KnownErrorStatistics(variables?: Operations.KnownErrorStatisticsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.KnownErrorStatisticsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.KnownErrorStatisticsQuery>({ document: Operations.KnownErrorStatisticsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'KnownErrorStatistics', 'query', variables);
    },
    NotificationPreferences(variables?: Operations.NotificationPreferencesQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.NotificationPreferencesQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.NotificationPreferencesQuery>({ document: Operations.NotificationPreferencesDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'NotificationPreferences', 'query', variables);
    },
    SetNotificationPreference(variables: Operations.SetNotificationPreferenceMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.SetNotificationPreferenceMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.SetNotificationPreferenceMutation>({ document: Operations.SetNotificationPreferenceDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SetNotificationPreference', 'mutation', variables);
    },
    Notifications(variables?: Operations.NotificationsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.NotificationsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.NotificationsQuery>({ document: Operations.NotificationsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Notifications', 'query', variables);
    },
    TicketReferenceData(variables?: Operations.TicketReferenceDataQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TicketReferenceDataQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TicketReferenceDataQuery>({ document: Operations.TicketReferenceDataDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TicketReferenceData', 'query', variables);
    },
    Tickets(variables?: Operations.TicketsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TicketsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TicketsQuery>({ document: Operations.TicketsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Tickets', 'query', variables);
    },
    TicketQueue(variables?: Operations.TicketQueueQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TicketQueueQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TicketQueueQuery>({ document: Operations.TicketQueueDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TicketQueue', 'query', variables);
    },
    Ticket(variables: Operations.TicketQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TicketQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TicketQuery>({ document: Operations.TicketDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'Ticket', 'query', variables);
    },
    TicketById(variables: Operations.TicketByIdQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TicketByIdQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TicketByIdQuery>({ document: Operations.TicketByIdDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TicketById', 'query', variables);
    },
    TicketStatistics(variables: Operations.TicketStatisticsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TicketStatisticsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TicketStatisticsQuery>({ document: Operations.TicketStatisticsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TicketStatistics', 'query', variables);
    },
    TicketBacklog(variables?: Operations.TicketBacklogQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TicketBacklogQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TicketBacklogQuery>({ document: Operations.TicketBacklogDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TicketBacklog', 'query', variables);
    },
    OpenTicket(variables: Operations.OpenTicketMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.OpenTicketMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.OpenTicketMutation>({ document: Operations.OpenTicketDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'OpenTicket', 'mutation', variables);
    },
    UpdateTicket(variables: Operations.UpdateTicketMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.UpdateTicketMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.UpdateTicketMutation>({ document: Operations.UpdateTicketDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'UpdateTicket', 'mutation', variables);
    },
    AssignTicket(variables: Operations.AssignTicketMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.AssignTicketMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.AssignTicketMutation>({ document: Operations.AssignTicketDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'AssignTicket', 'mutation', variables);
    },
    SubmitTicket(variables: Operations.SubmitTicketMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.SubmitTicketMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.SubmitTicketMutation>({ document: Operations.SubmitTicketDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SubmitTicket', 'mutation', variables);
    },
    TakeTicket(variables: Operations.TakeTicketMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TakeTicketMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TakeTicketMutation>({ document: Operations.TakeTicketDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TakeTicket', 'mutation', variables);
    },
    RequestTicketInfo(variables: Operations.RequestTicketInfoMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.RequestTicketInfoMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.RequestTicketInfoMutation>({ document: Operations.RequestTicketInfoDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RequestTicketInfo', 'mutation', variables);
    },
    ProvideTicketInfo(variables: Operations.ProvideTicketInfoMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ProvideTicketInfoMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ProvideTicketInfoMutation>({ document: Operations.ProvideTicketInfoDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ProvideTicketInfo', 'mutation', variables);
    },
    EscalateTicket(variables: Operations.EscalateTicketMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.EscalateTicketMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.EscalateTicketMutation>({ document: Operations.EscalateTicketDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'EscalateTicket', 'mutation', variables);
    },
    ReturnTicketToSn1(variables: Operations.ReturnTicketToSn1MutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ReturnTicketToSn1Mutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ReturnTicketToSn1Mutation>({ document: Operations.ReturnTicketToSn1Document, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ReturnTicketToSn1', 'mutation', variables);
    },
    TransferTicketToTechnical(variables: Operations.TransferTicketToTechnicalMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TransferTicketToTechnicalMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TransferTicketToTechnicalMutation>({ document: Operations.TransferTicketToTechnicalDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TransferTicketToTechnical', 'mutation', variables);
    },
    TransferTicketToFunctional(variables: Operations.TransferTicketToFunctionalMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TransferTicketToFunctionalMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TransferTicketToFunctionalMutation>({ document: Operations.TransferTicketToFunctionalDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TransferTicketToFunctional', 'mutation', variables);
    },
    ResolveTicket(variables: Operations.ResolveTicketMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ResolveTicketMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ResolveTicketMutation>({ document: Operations.ResolveTicketDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ResolveTicket', 'mutation', variables);
    },
    CloseTicket(variables: Operations.CloseTicketMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.CloseTicketMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.CloseTicketMutation>({ document: Operations.CloseTicketDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CloseTicket', 'mutation', variables);
    },
    ReopenTicket(variables: Operations.ReopenTicketMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ReopenTicketMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ReopenTicketMutation>({ document: Operations.ReopenTicketDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ReopenTicket', 'mutation', variables);
    },
    CancelTicket(variables: Operations.CancelTicketMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.CancelTicketMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.CancelTicketMutation>({ document: Operations.CancelTicketDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CancelTicket', 'mutation', variables);
    },
    AddTicketComment(variables: Operations.AddTicketCommentMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.AddTicketCommentMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.AddTicketCommentMutation>({ document: Operations.AddTicketCommentDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'AddTicketComment', 'mutation', variables);
    },
    RateTicket(variables: Operations.RateTicketMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.RateTicketMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.RateTicketMutation>({ document: Operations.RateTicketDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RateTicket', 'mutation', variables);
    },
    TicketUpdated(variables: Operations.TicketUpdatedSubscriptionVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TicketUpdatedSubscription> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TicketUpdatedSubscription>({ document: Operations.TicketUpdatedDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TicketUpdated', 'subscription', variables);
    },
    TicketEvents(variables?: Operations.TicketEventsSubscriptionVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TicketEventsSubscription> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TicketEventsSubscription>({ document: Operations.TicketEventsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TicketEvents', 'subscription', variables);
    },
    TicketRelations(variables: Operations.TicketRelationsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TicketRelationsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TicketRelationsQuery>({ document: Operations.TicketRelationsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TicketRelations', 'query', variables);
    },
    LinkTickets(variables: Operations.LinkTicketsMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.LinkTicketsMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.LinkTicketsMutation>({ document: Operations.LinkTicketsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'LinkTickets', 'mutation', variables);
    },
    UnlinkTickets(variables: Operations.UnlinkTicketsMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.UnlinkTicketsMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.UnlinkTicketsMutation>({ document: Operations.UnlinkTicketsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'UnlinkTickets', 'mutation', variables);
    },
    MergeTicket(variables: Operations.MergeTicketMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.MergeTicketMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.MergeTicketMutation>({ document: Operations.MergeTicketDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'MergeTicket', 'mutation', variables);
    },
    SetParentTicket(variables: Operations.SetParentTicketMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.SetParentTicketMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.SetParentTicketMutation>({ document: Operations.SetParentTicketDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SetParentTicket', 'mutation', variables);
    },
    ServiceLevelConfiguration(variables?: Operations.ServiceLevelConfigurationQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ServiceLevelConfigurationQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ServiceLevelConfigurationQuery>({ document: Operations.ServiceLevelConfigurationDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ServiceLevelConfiguration', 'query', variables);
    },
    ServiceLevelQueue(variables?: Operations.ServiceLevelQueueQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ServiceLevelQueueQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ServiceLevelQueueQuery>({ document: Operations.ServiceLevelQueueDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ServiceLevelQueue', 'query', variables);
    },
    ServiceLevelStatistics(variables: Operations.ServiceLevelStatisticsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ServiceLevelStatisticsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ServiceLevelStatisticsQuery>({ document: Operations.ServiceLevelStatisticsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ServiceLevelStatistics', 'query', variables);
    },
    CreateBusinessCalendar(variables: Operations.CreateBusinessCalendarMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.CreateBusinessCalendarMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.CreateBusinessCalendarMutation>({ document: Operations.CreateBusinessCalendarDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CreateBusinessCalendar', 'mutation', variables);
    },
    UpdateBusinessCalendar(variables: Operations.UpdateBusinessCalendarMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.UpdateBusinessCalendarMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.UpdateBusinessCalendarMutation>({ document: Operations.UpdateBusinessCalendarDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'UpdateBusinessCalendar', 'mutation', variables);
    },
    SetServiceLevelTarget(variables: Operations.SetServiceLevelTargetMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.SetServiceLevelTargetMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.SetServiceLevelTargetMutation>({ document: Operations.SetServiceLevelTargetDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SetServiceLevelTarget', 'mutation', variables);
    },
    RemoveServiceLevelTarget(variables: Operations.RemoveServiceLevelTargetMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.RemoveServiceLevelTargetMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.RemoveServiceLevelTargetMutation>({ document: Operations.RemoveServiceLevelTargetDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RemoveServiceLevelTarget', 'mutation', variables);
    },
    SetStructureTimeZone(variables: Operations.SetStructureTimeZoneMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.SetStructureTimeZoneMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.SetStructureTimeZoneMutation>({ document: Operations.SetStructureTimeZoneDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SetStructureTimeZone', 'mutation', variables);
    },
    TrainingCatalogue(variables?: Operations.TrainingCatalogueQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TrainingCatalogueQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TrainingCatalogueQuery>({ document: Operations.TrainingCatalogueDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TrainingCatalogue', 'query', variables);
    },
    TrainingSessions(variables?: Operations.TrainingSessionsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TrainingSessionsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TrainingSessionsQuery>({ document: Operations.TrainingSessionsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TrainingSessions', 'query', variables);
    },
    TrainingRegistrations(variables?: Operations.TrainingRegistrationsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TrainingRegistrationsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TrainingRegistrationsQuery>({ document: Operations.TrainingRegistrationsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TrainingRegistrations', 'query', variables);
    },
    TrainingRegistrationHistory(variables: Operations.TrainingRegistrationHistoryQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TrainingRegistrationHistoryQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TrainingRegistrationHistoryQuery>({ document: Operations.TrainingRegistrationHistoryDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TrainingRegistrationHistory', 'query', variables);
    },
    TrainingStatistics(variables?: Operations.TrainingStatisticsQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TrainingStatisticsQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TrainingStatisticsQuery>({ document: Operations.TrainingStatisticsDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TrainingStatistics', 'query', variables);
    },
    TrainingStatisticsCsv(variables: Operations.TrainingStatisticsCsvQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TrainingStatisticsCsvQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TrainingStatisticsCsvQuery>({ document: Operations.TrainingStatisticsCsvDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TrainingStatisticsCsv', 'query', variables);
    },
    TrainingAttendanceReport(variables: Operations.TrainingAttendanceReportQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TrainingAttendanceReportQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TrainingAttendanceReportQuery>({ document: Operations.TrainingAttendanceReportDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TrainingAttendanceReport', 'query', variables);
    },
    TrainingPolicy(variables?: Operations.TrainingPolicyQueryVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.TrainingPolicyQuery> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.TrainingPolicyQuery>({ document: Operations.TrainingPolicyDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'TrainingPolicy', 'query', variables);
    },
    CreateTrainingDomain(variables: Operations.CreateTrainingDomainMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.CreateTrainingDomainMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.CreateTrainingDomainMutation>({ document: Operations.CreateTrainingDomainDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CreateTrainingDomain', 'mutation', variables);
    },
    CreateTrainingCourse(variables: Operations.CreateTrainingCourseMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.CreateTrainingCourseMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.CreateTrainingCourseMutation>({ document: Operations.CreateTrainingCourseDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CreateTrainingCourse', 'mutation', variables);
    },
    SetTrainingPrice(variables: Operations.SetTrainingPriceMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.SetTrainingPriceMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.SetTrainingPriceMutation>({ document: Operations.SetTrainingPriceDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SetTrainingPrice', 'mutation', variables);
    },
    CreateTrainingSession(variables: Operations.CreateTrainingSessionMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.CreateTrainingSessionMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.CreateTrainingSessionMutation>({ document: Operations.CreateTrainingSessionDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CreateTrainingSession', 'mutation', variables);
    },
    UpdateTrainingSession(variables: Operations.UpdateTrainingSessionMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.UpdateTrainingSessionMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.UpdateTrainingSessionMutation>({ document: Operations.UpdateTrainingSessionDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'UpdateTrainingSession', 'mutation', variables);
    },
    SetTrainingPolicy(variables: Operations.SetTrainingPolicyMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.SetTrainingPolicyMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.SetTrainingPolicyMutation>({ document: Operations.SetTrainingPolicyDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'SetTrainingPolicy', 'mutation', variables);
    },
    RequestTrainingRegistration(variables: Operations.RequestTrainingRegistrationMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.RequestTrainingRegistrationMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.RequestTrainingRegistrationMutation>({ document: Operations.RequestTrainingRegistrationDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RequestTrainingRegistration', 'mutation', variables);
    },
    DecideTrainingRequest(variables: Operations.DecideTrainingRequestMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.DecideTrainingRequestMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.DecideTrainingRequestMutation>({ document: Operations.DecideTrainingRequestDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'DecideTrainingRequest', 'mutation', variables);
    },
    RegisterTrainee(variables: Operations.RegisterTraineeMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.RegisterTraineeMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.RegisterTraineeMutation>({ document: Operations.RegisterTraineeDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RegisterTrainee', 'mutation', variables);
    },
    RecordCompatibilityTest(variables: Operations.RecordCompatibilityTestMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.RecordCompatibilityTestMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.RecordCompatibilityTestMutation>({ document: Operations.RecordCompatibilityTestDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RecordCompatibilityTest', 'mutation', variables);
    },
    ConfirmTrainingRegistration(variables: Operations.ConfirmTrainingRegistrationMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ConfirmTrainingRegistrationMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ConfirmTrainingRegistrationMutation>({ document: Operations.ConfirmTrainingRegistrationDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ConfirmTrainingRegistration', 'mutation', variables);
    },
    CancelTrainingRegistration(variables: Operations.CancelTrainingRegistrationMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.CancelTrainingRegistrationMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.CancelTrainingRegistrationMutation>({ document: Operations.CancelTrainingRegistrationDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'CancelTrainingRegistration', 'mutation', variables);
    },
    JustifyTrainingAbsence(variables: Operations.JustifyTrainingAbsenceMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.JustifyTrainingAbsenceMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.JustifyTrainingAbsenceMutation>({ document: Operations.JustifyTrainingAbsenceDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'JustifyTrainingAbsence', 'mutation', variables);
    },
    RecordTrainingAttendance(variables: Operations.RecordTrainingAttendanceMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.RecordTrainingAttendanceMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.RecordTrainingAttendanceMutation>({ document: Operations.RecordTrainingAttendanceDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'RecordTrainingAttendance', 'mutation', variables);
    },
    ImportTrainingAttendance(variables: Operations.ImportTrainingAttendanceMutationVariables, requestHeaders?: GraphQLClientRequestHeaders, signal?: RequestInit['signal']): Promise<Operations.ImportTrainingAttendanceMutation> {
      return withWrapper((wrappedRequestHeaders) => client.request<Operations.ImportTrainingAttendanceMutation>({ document: Operations.ImportTrainingAttendanceDocument, variables, requestHeaders: { ...requestHeaders, ...wrappedRequestHeaders }, signal }), 'ImportTrainingAttendance', 'mutation', variables);
    }
  };
}
export type Sdk = ReturnType<typeof getSdk>;