# Point the provider at the local emulator (go run ./cmd/tencentcloud-emulator)
# or at a private endpoint. Credentials still come from the usual sources.
provider "tencentcloud" {
  endpoints {
    organization = "http://127.0.0.1:8080"
    sts          = "http://127.0.0.1:8080"
  }
}
