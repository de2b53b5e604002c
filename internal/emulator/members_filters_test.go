// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
)

func TestEachFilterNarrowsTheListing(t *testing.T) {
	tag := func(key string, value ...string) map[string]any {
		if len(value) == 0 {
			return map[string]any{"TagKey": key}
		}
		return map[string]any{"TagKey": key, "TagValue": value[0]}
	}
	for name, tt := range map[string]struct {
		params map[string]any
		want   []int64
	}{
		"search by name, any case":      {map[string]any{"SearchKey": "PROD"}, []int64{uinProd}},
		"search by part of a name":      {map[string]any{"SearchKey": "ber-"}, allUins()[3:]},
		"search by uin":                 {map[string]any{"SearchKey": "100033118140"}, []int64{uinStaging}},
		"search by part of a uin":       {map[string]any{"SearchKey": "10003311814"}, nil},
		"auth name, any case":           {map[string]any{"AuthName": "example"}, []int64{uinProd}},
		"auth name nobody has":          {map[string]any{"AuthName": "Acme"}, nil},
		"node id":                       {map[string]any{"NodeId": 2001}, []int64{uinProd, uinStaging}},
		"node id past 2^53":             {map[string]any{"NodeId": uint64(9007199254740993)}, []int64{uinBig}},
		"node without members":          {map[string]any{"NodeId": 4001}, nil},
		"node name":                     {map[string]any{"NodeName": "Finance"}, []int64{uinProd, uinStaging}},
		"node name only a member names": {map[string]any{"NodeName": "Research"}, []int64{uinBig}},
		"node name without members":     {map[string]any{"NodeName": "Empty unit"}, nil},
		"tag key only":                  {map[string]any{"Tags": []any{tag("team")}}, []int64{uinStaging, uinBig}},
		"tag key and value":             {map[string]any{"Tags": []any{tag("env", "prod")}}, []int64{uinProd}},
		"tag with empty value":          {map[string]any{"Tags": []any{tag("env", "")}}, []int64{uinProd, uinStaging}},
		"tags are all required":         {map[string]any{"Tags": []any{tag("env"), tag("team", "core")}}, []int64{uinStaging}},
		"tag value must match":          {map[string]any{"Tags": []any{tag("team", "edge")}}, nil},
		"known product narrows nothing": {map[string]any{"Product": "CloudAudit", "Limit": 50}, allUins()},
		"filters combine":               {map[string]any{"SearchKey": "a", "NodeName": "Finance"}, []int64{uinStaging}},
	} {
		t.Run(name, func(t *testing.T) {
			srv, endpoints := acctest.StartEmulator(t, membersWorld(""))
			p := mustList(t, endpoints.Organization, adminCred, tt.params)
			if !slices.Equal(p.uins(), tt.want) || p.Total != fmt.Sprint(len(tt.want)) {
				t.Errorf("listed %v with Total %s, want %v", p.uins(), p.Total, tt.want)
			}
			sent := srv.Requests()[0].Params
			for name, value := range tt.params {
				raw, _ := json.Marshal(value)
				if sent[name] != string(raw) {
					t.Errorf("recorded %s = %s, want %s", name, sent[name], raw)
				}
			}
		})
	}
}
