// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds_test

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider"
)

const dataSourceType = "tencentcloud_organization_member_email_binds"

// inProcess is the provider as Terraform sees it over gRPC, without the
// CLI or the plugin process: served as main serves it, with the same Read
// path, state conversion and msgpack encoding, so that tests can compare state byte for byte and
// benchmarks can profile the provider's own cost.
type inProcess struct {
	server tfprotov6.ProviderServer
	schema *tfprotov6.GetProviderSchemaResponse
}

// newInProcess configures the provider with the inventory world's key,
// the emulator at endpoint, and settings such as rate_limit.
func newInProcess(tb testing.TB, endpoint string, settings map[string]tftypes.Value) *inProcess {
	tb.Helper()
	server, err := acctest.ProviderFactories(provider.New("test")())["tencentcloud"]()
	if err != nil {
		tb.Fatal(err)
	}
	return configure(tb, server, endpoint, settings)
}

// newFrameworkOnly is newInProcess served by the framework alone, where the
// data source sets its state as any other does.
func newFrameworkOnly(tb testing.TB, endpoint string, settings map[string]tftypes.Value) *inProcess {
	tb.Helper()
	server, err := providerserver.NewProtocol6WithError(provider.New("test")())()
	if err != nil {
		tb.Fatal(err)
	}
	return configure(tb, server, endpoint, settings)
}

func configure(tb testing.TB, server tfprotov6.ProviderServer, endpoint string, settings map[string]tftypes.Value) *inProcess {
	tb.Helper()
	ctx := context.Background()
	schema, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || hasError(schema.Diagnostics) {
		tb.Fatalf("GetProviderSchema: %v %v", err, schema.Diagnostics)
	}
	providerType := objectType(tb, schema.Provider.ValueType())
	endpointsType := objectType(tb, providerType.AttributeTypes["endpoints"])
	values := map[string]tftypes.Value{
		"secret_id":  tftypes.NewValue(tftypes.String, "AKIDinv"),
		"secret_key": tftypes.NewValue(tftypes.String, "inv-key"),
		"endpoints": objectOf(endpointsType, map[string]tftypes.Value{
			"organization": tftypes.NewValue(tftypes.String, endpoint),
		}),
	}
	for name, v := range settings {
		values[name] = v
	}
	config := dynamicValue(tb, providerType, objectOf(providerType, values))
	resp, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.4", Config: config})
	if err != nil || hasError(resp.Diagnostics) {
		tb.Fatalf("ConfigureProvider: %v %v", err, resp.Diagnostics)
	}
	return &inProcess{server: server, schema: schema}
}

// read reads the data source with the given arguments and returns its
// state as Terraform receives it (msgpack), and the diagnostics.
func (p *inProcess) read(tb testing.TB, arguments map[string]tftypes.Value) (*tfprotov6.DynamicValue, []*tfprotov6.Diagnostic) {
	tb.Helper()
	dsType := p.dataSourceType()
	config := dynamicValue(tb, dsType, objectOf(dsType, arguments))
	resp, err := p.server.ReadDataSource(context.Background(), &tfprotov6.ReadDataSourceRequest{TypeName: dataSourceType, Config: config})
	if err != nil {
		tb.Fatal(err)
	}
	return resp.State, resp.Diagnostics
}

func (p *inProcess) dataSourceType() tftypes.Object {
	object, _ := p.schema.DataSourceSchemas[dataSourceType].ValueType().(tftypes.Object)
	return object
}

func objectType(tb testing.TB, t tftypes.Type) tftypes.Object {
	tb.Helper()
	object, ok := t.(tftypes.Object)
	if !ok {
		tb.Fatalf("%s is not an object type", t)
	}
	return object
}

// objectOf is an object of type t with the given attributes, and every
// other attribute null, as in a configuration that does not set them.
func objectOf(t tftypes.Object, values map[string]tftypes.Value) tftypes.Value {
	all := make(map[string]tftypes.Value, len(t.AttributeTypes))
	for name, attrType := range t.AttributeTypes {
		all[name] = tftypes.NewValue(attrType, nil)
		if v, ok := values[name]; ok {
			all[name] = v
		}
	}
	return tftypes.NewValue(t, all)
}

func dynamicValue(tb testing.TB, t tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
	tb.Helper()
	dv, err := tfprotov6.NewDynamicValue(t, v)
	if err != nil {
		tb.Fatal(err)
	}
	return &dv
}

func hasError(diags []*tfprotov6.Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}
