# Credentials come from the environment (TENCENTCLOUD_SECRET_ID and
# TENCENTCLOUD_SECRET_KEY), a tccli profile or a CVM instance role; see
# Authentication below. No argument is needed.
provider "tencentcloud" {}
