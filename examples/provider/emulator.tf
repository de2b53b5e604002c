# Point the provider at the local emulator (go run ./cmd/tencentcloud-emulator
# --listen 127.0.0.1:8080 --sts-listen 127.0.0.1:8081) or at private
# endpoints: each service has its own. Credentials still come from the usual sources.
provider "tencentcloud" {
  endpoints {
    organization = "http://127.0.0.1:8080"
    sts          = "http://127.0.0.1:8081"
  }
}
