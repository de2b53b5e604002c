// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Raw requests, signed here as TC3 does, that the SDK-based tests never
// send: a GET with its parameters in the query, escaped JSON, requests at
// the wrong endpoint, odd bodies and headers.

package emulator

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

const rawWorld = `{"rate_limit": 1000,
  "credentials": [{"secret_id": "AKIDadmin", "secret_key": "key", "uin": 1},
                  {"secret_id": "AKIDmember", "secret_key": "mkey", "uin": 2}],
  "roles": [{"role_arn": "qcs::cam::uin/1:roleName/r", "uin": 1}],
  "organizations": [{"admin_uin": 1, "trusted_services": ["CloudAudit"],
    "members": [{"member_uin": 2, "email_bind": {"BindStatus": "Success"}}, {"member_uin": 3}]}],
  "faults": %s}`

type rawReq struct {
	method, service, action, version, region, contentType, query, secretID, secretKey string
	body                                                                              string
	signed                                                                            []string
	unsigned                                                                          bool
	timestamp                                                                         int64
}

func rawServer(t *testing.T, faults string) (*Server, map[string]string) {
	t.Helper()
	if faults == "" {
		faults = "[]"
	}
	world, err := ParseWorld([]byte(fmt.Sprintf(rawWorld, faults)))
	if err != nil {
		t.Fatal(err)
	}
	srv := New(world)
	urls := map[string]string{}
	for _, service := range Services() {
		ts := httptest.NewServer(srv.Handler(service))
		t.Cleanup(ts.Close)
		urls[service] = ts.URL
	}
	return srv, urls
}

// sendRaw signs r as TC3 does and returns the answer's error code and message.
func sendRaw(t *testing.T, baseURL string, r rawReq) (string, string) {
	t.Helper()
	if r.method == "" {
		r.method = http.MethodPost
	}
	if r.timestamp == 0 {
		r.timestamp = time.Now().Unix()
	}
	if r.secretID == "" {
		r.secretID, r.secretKey = "AKIDadmin", "key"
	}
	if r.signed == nil {
		r.signed = []string{"content-type", "host"}
	}
	u := baseURL + "/"
	if r.query != "" {
		u += "?" + r.query
	}
	req, _ := http.NewRequest(r.method, u, strings.NewReader(r.body))
	if r.contentType != "-" {
		req.Header.Set("Content-Type", r.contentType)
	}
	req.Header.Set("X-TC-Action", r.action)
	req.Header.Set("X-TC-Version", r.version)
	if r.region != "" {
		req.Header.Set("X-TC-Region", r.region)
	}
	req.Header.Set("X-TC-Timestamp", strconv.FormatInt(r.timestamp, 10))
	if r.unsigned {
		req.Header.Set("Authorization", "SKIP")
	} else {
		headers := make([][2]string, len(r.signed))
		for i, name := range r.signed {
			value := req.Header.Get(name)
			if strings.EqualFold(name, "host") {
				value = req.URL.Host
			}
			headers[i] = [2]string{name, value}
		}
		date := credentialDate(r.timestamp)
		canonical := canonicalRequest(r.method, r.query, headers, []byte(r.body))
		sig := signature(r.secretKey, date, r.service, stringToSign(strconv.FormatInt(r.timestamp, 10), credentialScope(date, r.service), canonical))
		req.Header.Set("Authorization", tc3Algorithm+" Credential="+r.secretID+"/"+credentialScope(date, r.service)+
			", SignedHeaders="+strings.Join(r.signed, ";")+", Signature="+sig)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var answer struct {
		Response struct {
			Error struct{ Code, Message string }
		}
	}
	if err := json.Unmarshal(raw, &answer); err != nil {
		return "HTTP" + strconv.Itoa(resp.StatusCode), string(raw)
	}
	return answer.Response.Error.Code, answer.Response.Error.Message
}

func orgReq(action, body string) rawReq {
	return rawReq{service: ServiceOrganization, action: action, version: "2021-03-31", contentType: "application/json", body: body}
}

func stsReq(action, body string) rawReq {
	return rawReq{service: ServiceSTS, action: action, version: "2018-08-13", region: "ap-guangzhou", contentType: "application/json", body: body}
}

// A TC3 GET request (the SDK's HttpProfile.ReqMethod = "GET") carries its
// parameters in the query as plain text, an array one field a name.
func TestAGETRequestCarriesItsParametersInTheQueryAsTheSDKSendsThem(t *testing.T) {
	_, urls := rawServer(t, "")
	get := orgReq(actionMembers, "")
	get.method, get.contentType, get.query = http.MethodGet, "application/x-www-form-urlencoded", "Lang=en&Limit=10"
	if code, msg := sendRaw(t, urls[ServiceOrganization], get); code != "" {
		t.Errorf("GET DescribeOrganizationMembers?Lang=en&Limit=10: %s %s", code, msg)
	}
	get.query = "Limit=10"
	if code, msg := sendRaw(t, urls[ServiceOrganization], get); code != "" {
		t.Errorf("GET DescribeOrganizationMembers?Limit=10: %s %s", code, msg)
	}
	get.query = "Limit=10&Tags.0.TagKey=env&Tags.0.TagValue=prod&Tags.1.TagKey=team"
	if code, msg := sendRaw(t, urls[ServiceOrganization], get); code != "" {
		t.Errorf("GET DescribeOrganizationMembers with two tags: %s %s", code, msg)
	}
	get.query = "Limit=10&Tags.1.TagKey=env"
	if code, _ := sendRaw(t, urls[ServiceOrganization], get); code != "InvalidParameter" {
		t.Errorf("GET DescribeOrganizationMembers with a tag at index 1 only: got %q, want InvalidParameter", code)
	}
	get.query = "Limit=10&Tags.0.Nope=env"
	if code, _ := sendRaw(t, urls[ServiceOrganization], get); code != "UnknownParameter" {
		t.Errorf("GET DescribeOrganizationMembers with an unknown tag field: got %q, want UnknownParameter", code)
	}
	get = stsReq(actionAssumeRole, "")
	get.method, get.contentType = http.MethodGet, "application/x-www-form-urlencoded"
	get.query = "RoleArn=" + url.QueryEscape("qcs::cam::uin/1:roleName/r") + "&RoleSessionName=abc"
	if code, msg := sendRaw(t, urls[ServiceSTS], get); code != "" {
		t.Errorf("GET AssumeRole: %s %s", code, msg)
	}
}

// Tag keys are compared as the API reads them, after JSON decoding.
func TestATagKeyWrittenWithAJSONEscapeIsStillADuplicate(t *testing.T) {
	_, urls := rawServer(t, "")
	body := `{"RoleArn":"qcs::cam::uin/1:roleName/r","RoleSessionName":"abc","Tags":[{"Key":"team","Value":"a"},{"Key":"te\u0061m","Value":"b"}]}`
	if code, _ := sendRaw(t, urls[ServiceSTS], stsReq(actionAssumeRole, body)); code != "InvalidParameter.ParamError" {
		t.Errorf("two tags with key \"team\" (one escaped): got %q, want InvalidParameter.ParamError", code)
	}
}

// An error fault answers as the API does, so only where the API would
// answer at all: not at another service's endpoint, nor to a caller it
// does not know; and such a request does not use the fault up.
func TestAnErrorFaultAnswersOnlyWhereTheAPIWouldAnswer(t *testing.T) {
	srv, urls := rawServer(t, `[{"kind": "error", "action": "AssumeRole", "code": "InvalidParameter.PolicyTooLong", "count": 1}]`)
	r := stsReq(actionAssumeRole, `{}`)
	r.secretID, r.secretKey = "AKIDnobody", "x"
	r.version = "1999-01-01"
	code, _ := sendRaw(t, urls[ServiceOrganization], r)
	if code != "InvalidAction" {
		t.Errorf("AssumeRole sent to the Organization endpoint, unknown key, wrong version: got %s, want InvalidAction", code)
	}
	r.version = "2018-08-13"
	if code, _ := sendRaw(t, urls[ServiceSTS], r); code != "AuthFailure.SecretIdNotFound" {
		t.Errorf("AssumeRole with an unknown key: got %s, want AuthFailure.SecretIdNotFound", code)
	}
	r.secretID, r.secretKey = "AKIDadmin", "key"
	if code, _ := sendRaw(t, urls[ServiceSTS], r); code != "InvalidParameter.PolicyTooLong" {
		t.Errorf("AssumeRole from the admin: got %s, want the fault's InvalidParameter.PolicyTooLong", code)
	}
	if n := len(srv.Requests()); n != 3 {
		t.Errorf("%d requests recorded, want 3", n)
	}
}

// A member (not the admin, nor a delegated admin) is refused whatever
// Product it names, trusted or not.
func TestAMemberCannotTellWhichTrustedServicesExist(t *testing.T) {
	_, urls := rawServer(t, "")
	member := orgReq(actionMembers, `{"Product":"NoSuch"}`)
	member.secretID, member.secretKey = "AKIDmember", "mkey"
	code, _ := sendRaw(t, urls[ServiceOrganization], member)
	if code != "UnauthorizedOperation" {
		t.Errorf("a plain member naming an untrusted Product: got %s, want UnauthorizedOperation like any other Product", code)
	}
}

// Every odd request through every action, at its endpoint and at the
// other: each answer must be a code the action declares or a common one.
func TestOddRequestsToEveryActionAtEveryEndpointGetOnlyDeclaredCodes(t *testing.T) {
	srv, urls := rawServer(t, "")
	now := time.Now().Unix()
	for action, a := range actions {
		base := orgReq(action, `{}`)
		if a.service == ServiceSTS {
			base = stsReq(action, `{}`)
		}
		if a.unsigned {
			base.unsigned = true
		}
		variants := map[string]func(r *rawReq){
			"bad json":        func(r *rawReq) { r.body = `{` },
			"array body":      func(r *rawReq) { r.body = `[]` },
			"null body":       func(r *rawReq) { r.body = `null` },
			"empty body":      func(r *rawReq) { r.body = `` },
			"big body":        func(r *rawReq) { r.body = `{"x":"` + strings.Repeat("a", 1<<20) + `"}` },
			"skew":            func(r *rawReq) { r.timestamp = now - 3600 },
			"bad timestamp":   func(r *rawReq) { r.timestamp = -1 },
			"wrong ctype":     func(r *rawReq) { r.contentType = "text/plain" },
			"no ctype":        func(r *rawReq) { r.contentType = "-" },
			"put":             func(r *rawReq) { r.method = http.MethodPut },
			"region case":     func(r *rawReq) { r.region = "AP-GUANGZHOU" },
			"bad version":     func(r *rawReq) { r.version = "2000-01-01" },
			"unknown key":     func(r *rawReq) { r.secretID = "AKIDnone" },
			"bad key":         func(r *rawReq) { r.secretKey = "nope" },
			"upper signed":    func(r *rawReq) { r.signed = []string{"Content-Type", "host"} },
			"unsigned":        func(r *rawReq) { r.unsigned = true },
			"number as str":   func(r *rawReq) { r.body = `{"DurationSeconds":"3600","MemberUin":"2","Limit":"10"}` },
			"float":           func(r *rawReq) { r.body = `{"DurationSeconds":3600.0,"MemberUin":2.0,"Limit":10.0}` },
			"huge":            func(r *rawReq) { r.body = `{"DurationSeconds":1e400,"MemberUin":99999999999999999999999,"Limit":-1}` },
			"nulls":           func(r *rawReq) { r.body = `{"RoleArn":null,"MemberUin":null,"Tags":[null]}` },
			"wrong elem type": func(r *rawReq) { r.body = `{"Tags":[1,"x",[]]}` },
		}
		for _, vary := range variants {
			r := base
			vary(&r)
			url := urls[a.service]
			sendRaw(t, url, r)
			// Also at the other endpoint.
			other := ServiceOrganization
			if a.service == ServiceOrganization {
				other = ServiceSTS
			}
			sendRaw(t, urls[other], r)
		}
	}
	for _, u := range srv.UndeclaredAnswers() {
		t.Errorf("undeclared: %s", u)
	}
}

// A body of JSON null holds no parameters object; it is refused as an
// array is, not read as {}.
func TestANullBodyIsNotAnEmptyObject(t *testing.T) {
	_, urls := rawServer(t, "")
	if code, _ := sendRaw(t, urls[ServiceSTS], stsReq(actionGetCallerIdentity, `null`)); code != "InvalidParameter" {
		t.Errorf("GetCallerIdentity with a null body: got %q, want InvalidParameter", code)
	}
}

// An unsigned integer beyond every limit is above a maximum, not below a
// minimum: AssumeRole's DurationSeconds at 2^64-1 is too long.
func TestAnUnsignedIntegerBeyondInt64IsAboveTheMaximum(t *testing.T) {
	_, urls := rawServer(t, "")
	body := `{"RoleArn":"qcs::cam::uin/1:roleName/r","RoleSessionName":"abc","DurationSeconds":18446744073709551615}`
	if code, _ := sendRaw(t, urls[ServiceSTS], stsReq(actionAssumeRole, body)); code != "InvalidParameter.OverTimeError" {
		t.Errorf("DurationSeconds 2^64-1: got %q, want InvalidParameter.OverTimeError", code)
	}
}
