// LIFT Hub in Azure: what `atk provision` (arm/deploy in m365agents.yml) or
// `az deployment group create` creates in one resource group. Laid out like the Microsoft 365 Agents
// Toolkit's own templates (infra/azure.bicep + infra/azure.parameters.json); how to run it and
// what it does not do: infra/README.md and docs/real-tenant.md.
//
// NOT COMPILED IN CI: no Bicep compiler runs in this repository's tests. tests/platform/infra.test.ts
// checks what can be checked without one (parameters, app settings against src/config/config.ts,
// Key Vault references for secrets); run `az bicep build --file infra/azure.bicep` before a first
// deployment.
//
// Resources: a user-assigned managed identity; a Key Vault (RBAC) holding the two secrets, readable
// by that identity only; a Linux App Service plan and Web App running `node dist/main.js`; an Azure
// Bot (single tenant) with the Teams channel, messaging endpoint https://<host>/api/messages.

@maxLength(20)
@minLength(4)
@description('Used to name every resource; the Web App is <resourceBaseName>.azurewebsites.net')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU. Basic (B1) or higher: always-on needs it.')
param webAppSku string = 'B1'

@description('Node.js LTS the Web App runs on: the same major as the machine that builds the deployable (native modules)')
@allowed([
  'NODE|22-lts'
  'NODE|24-lts'
])
param nodeRuntime string = 'NODE|24-lts'

@maxLength(42)
param botDisplayName string = 'LIFT Hub'

@description('Azure Bot SKU; the Teams channel is a standard channel, free on F0')
param botSku string = 'F0'

@description('Host name users reach the app at when it is not <resourceBaseName>.azurewebsites.net (a custom domain bound separately, with its certificate). Empty: the azurewebsites.net name.')
param customDomain string = ''

@description('Directory (tenant) id of the Microsoft 365 tenant: ENTRA_TENANT_ID, and the tenant of the single-tenant bot')
param tenantId string

@description('Entra app registration for tab SSO and app-only Graph (Sites.Selected): AAD_APP_CLIENT_ID')
param aadAppClientId string

@secure()
@description('Its client secret. Stored in Key Vault only; the app setting is a Key Vault reference.')
param aadAppClientSecret string

@description('Entra app registration of the bot (single tenant): BOT_ID')
param botId string

@secure()
@description('The bot app registration\'s client secret. Stored in Key Vault only.')
param botPassword string

@secure()
@description('The key that signs questionnaire links (QUESTIONNAIRE_LINK_SECRET), made once by infra/make-link-secret.mjs. Stored in Key Vault only.')
param questionnaireLinkSecret string

@description('The SharePoint site holding the LIFT lists, e.g. https://contoso.sharepoint.com/sites/lift-hub')
param sharePointSiteUrl string

@description('Teams app id (manifest id), for deep links from bot cards. May be empty.')
param teamsAppId string = ''

@allowed([
  'off'
  'on'
])
@description('Demo data in tenant mode: off. Never turn it on against a council\'s real site.')
param demoData string = 'off'

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

// Public-cloud endpoints. Councils on a government cloud set these to their cloud's values.
@description('Microsoft Entra sign-in host: ENTRA_AUTHORITY_HOST')
param entraAuthorityHost string = 'https://login.microsoftonline.com'

@description('Microsoft Graph endpoint: GRAPH_ENDPOINT')
param graphEndpoint string = 'https://graph.microsoft.com'

@description('OpenID metadata of the Bot Framework channel that signs incoming activities: BOT_OPENID_METADATA_URL')
param botOpenIdMetadataUrl string = 'https://login.botframework.com/v1/.well-known/openidconfiguration'

@description('Token endpoint the bot gets its Bot Connector token from. Empty: <entraAuthorityHost>/<tenantId>/oauth2/v2.0/token (single-tenant bot).')
param botTokenEndpoint string = ''

param identityName string = resourceBaseName
param serverfarmsName string = resourceBaseName
param webAppName string = resourceBaseName
param botServiceName string = resourceBaseName

@maxLength(24)
@description('Key Vault names are global: derived from the resource group so a re-run keeps the same vault')
param keyVaultName string = 'kv${uniqueString(resourceGroup().id, resourceBaseName)}'

var publicHost = empty(customDomain) ? webApp.properties.defaultHostName : customDomain
var effectiveBotTokenEndpoint = empty(botTokenEndpoint) ? '${entraAuthorityHost}/${tenantId}/oauth2/v2.0/token' : botTokenEndpoint
// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  location: location
  name: identityName
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource aadAppClientSecretInVault 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'aad-app-client-secret'
  properties: {
    value: aadAppClientSecret
    contentType: 'Entra app client secret (AAD_APP_CLIENT_SECRET)'
  }
}

resource botPasswordInVault 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'bot-password'
  properties: {
    value: botPassword
    contentType: 'Bot app registration client secret (BOT_PASSWORD)'
  }
}

resource questionnaireLinkSecretInVault 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'questionnaire-link-secret'
  properties: {
    value: questionnaireLinkSecret
    contentType: 'Key that signs questionnaire links (QUESTIONNAIRE_LINK_SECRET)'
  }
}

resource identityReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource serverfarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  kind: 'linux'
  location: location
  name: serverfarmsName
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  kind: 'app,linux'
  location: location
  name: webAppName
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    // Key Vault references are resolved with the user-assigned identity, the one granted read above.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: nodeRuntime
      appCommandLine: 'node dist/main.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
}

// Every setting tenant mode needs (src/config/config.ts, .env.example). Secrets only as Key Vault
// references. PORT is not set: App Service passes the port to listen on in PORT itself.
resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    NODE_ENV: 'production'
    HOST: '0.0.0.0'
    PUBLIC_URL: 'https://${publicHost}'
    DATA_DIR: '/home/lift-hub-data'
    DEMO_DATA: demoData
    LOG_LEVEL: logLevel
    REMINDERS: 'on'
    ENTRA_TENANT_ID: tenantId
    ENTRA_AUTHORITY_HOST: entraAuthorityHost
    GRAPH_ENDPOINT: graphEndpoint
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${aadAppClientSecretInVault.properties.secretUri})'
    AAD_APP_ID_URI: 'api://${publicHost}/${aadAppClientId}'
    SHAREPOINT_SITE_URL: sharePointSiteUrl
    BOT_ID: botId
    BOT_PASSWORD: '@Microsoft.KeyVault(SecretUri=${botPasswordInVault.properties.secretUri})'
    QUESTIONNAIRE_LINK_SECRET: '@Microsoft.KeyVault(SecretUri=${questionnaireLinkSecretInVault.properties.secretUri})'
    BOT_TENANT_ID: tenantId
    BOT_TYPE: 'SingleTenant'
    BOT_OPENID_METADATA_URL: botOpenIdMetadataUrl
    BOT_TOKEN_ENDPOINT: effectiveBotTokenEndpoint
    TEAMS_APP_ID: teamsAppId
  }
  dependsOn: [
    identityReadsSecrets
  ]
}

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  kind: 'azurebot'
  location: 'global'
  name: botServiceName
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${publicHost}/api/messages'
    msaAppId: botId
    msaAppTenantId: tenantId
    msaAppType: 'SingleTenant'
  }
}

resource botServiceMsTeamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  location: 'global'
  name: 'MsTeamsChannel'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Written to env/.env.<env> by arm/deploy: the manifest, aad.manifest.json and the deploy stage read them.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output TAB_DOMAIN string = publicHost
output TAB_ENDPOINT string = 'https://${publicHost}'
output BOT_DOMAIN string = publicHost
output BOT_ENDPOINT string = 'https://${publicHost}'
output AZURE_KEY_VAULT_NAME string = keyVault.name
output AZURE_BOT_SERVICE_NAME string = botService.name
