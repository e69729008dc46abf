// See ../../README.md: @actions/core imports these for OIDC tokens, which this action never asks for.
class Handler {
  prepareRequest() {
    throw new Error('@actions/http-client is not part of this action')
  }
  canHandleAuthentication() {
    return false
  }
}
export class BasicCredentialHandler extends Handler {}
export class BearerCredentialHandler extends Handler {}
export class PersonalAccessTokenCredentialHandler extends Handler {}
