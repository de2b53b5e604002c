# Point the provider at the local emulator, started from a checkout of this
# repository with
#   go run ./cmd/tencentcloud-emulator --world examples/demo/world.json --listen 127.0.0.1:8080 --sts-listen 127.0.0.1:8081
# or at private endpoints: each service has its own. Credentials still come
# from the usual sources; the demo world accepts the key pair
# AKIDdemo00000000000000000000000000 / demo-secret-key-not-a-real-one.
provider "tencentcloud" {
  endpoints {
    organization = "http://127.0.0.1:8080"
    sts          = "http://127.0.0.1:8081"
  }
}
