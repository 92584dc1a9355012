// GENERATED FILE: do not edit. Regenerate with
//   cd web && npm run gen:api -- path/to/openapi.json
// from the OpenAPI document the gateway serves (GET /openapi.json; `cim-gateway
// --openapi_out=FILE` writes it). The CMake build regenerates it from the current protos and the
// web_api_types test fails when the checked-in copy differs. Made by web/scripts/gen-api.mjs with
// openapi-typescript.
//
// Every field is optional, as the document says (proto3): responses carry every scalar, enum and
// repeated field, but an unset message field or oneof member is left out.

export interface paths {
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.AuthService.ListApiKeys */
        get: operations["AuthService_ListApiKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** cim.v1.AuthService.RevokeApiKey */
        delete: operations["AuthService_RevokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.ClaimService.UploadAttachment */
        post: operations["ClaimService_UploadAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/attachments/{attachment_id}:download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.ClaimService.DownloadAttachment */
        get: operations["ClaimService_DownloadAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.AuditService.ListAuditRecords */
        get: operations["AuditService_ListAuditRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-records:verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.AuditService.VerifyAuditTrail */
        post: operations["AuditService_VerifyAuditTrail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.AuthService.Login */
        post: operations["AuthService_Login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.AuthService.Logout */
        post: operations["AuthService_Logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.AuthService.WhoAmI */
        get: operations["AuthService_WhoAmI"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password:change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.AuthService.ChangePassword */
        post: operations["AuthService_ChangePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password:requestReset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.AuthService.RequestPasswordReset */
        post: operations["AuthService_RequestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password:reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.AuthService.ResetPassword */
        post: operations["AuthService_ResetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.AuthService.ListSessions */
        get: operations["AuthService_ListSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** cim.v1.AuthService.EndSession */
        delete: operations["AuthService_EndSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sign-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.AuthService.ListSignIns */
        get: operations["AuthService_ListSignIns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/two-step": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.AuthService.GetTwoStep */
        get: operations["AuthService_GetTwoStep"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/two-step:begin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.AuthService.BeginTwoStep */
        post: operations["AuthService_BeginTwoStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/two-step:confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.AuthService.ConfirmTwoStep */
        post: operations["AuthService_ConfirmTwoStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/two-step:renewRecoveryCodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.AuthService.RenewRecoveryCodes */
        post: operations["AuthService_RenewRecoveryCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/two-step:turnOff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.AuthService.TurnOffTwoStep */
        post: operations["AuthService_TurnOffTwoStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/badges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.RecognitionService.ListBadges */
        get: operations["RecognitionService_ListBadges"];
        put?: never;
        /** cim.v1.RecognitionService.CreateBadge */
        post: operations["RecognitionService_CreateBadge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/badges/{badge.id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** cim.v1.RecognitionService.UpdateBadge */
        patch: operations["RecognitionService_UpdateBadge"];
        trace?: never;
    };
    "/v1/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.LedgerService.GetBalance */
        get: operations["LedgerService_GetBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.RecognitionService.ListCertifications */
        get: operations["RecognitionService_ListCertifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/challenges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.EngagementService.ListChallenges */
        get: operations["EngagementService_ListChallenges"];
        put?: never;
        /** cim.v1.EngagementService.CreateChallenge */
        post: operations["EngagementService_CreateChallenge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/challenges/{challenge.id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** cim.v1.EngagementService.UpdateChallenge */
        patch: operations["EngagementService_UpdateChallenge"];
        trace?: never;
    };
    "/v1/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.ClaimService.ListClaims */
        get: operations["ClaimService_ListClaims"];
        put?: never;
        /** cim.v1.ClaimService.SubmitClaim */
        post: operations["ClaimService_SubmitClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/claims:export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.ExportService.ExportClaims */
        get: operations["ExportService_ExportClaims"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/claims:watch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.ClaimService.WatchClaimEvents */
        get: operations["ClaimService_WatchClaimEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/claims/{claim_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.ClaimService.GetClaim */
        get: operations["ClaimService_GetClaim"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/claims/{claim_id}:approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.ClaimService.ApproveClaim */
        post: operations["ClaimService_ApproveClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/claims/{claim_id}:reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.ClaimService.RejectClaim */
        post: operations["ClaimService_RejectClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/claims/{claim_id}:requestInfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.ClaimService.RequestClaimInfo */
        post: operations["ClaimService_RequestClaimInfo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/claims/{claim_id}:startReview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.ClaimService.StartClaimReview */
        post: operations["ClaimService_StartClaimReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/claims/{claim.id}:resubmit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.ClaimService.ResubmitClaim */
        post: operations["ClaimService_ResubmitClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.DisputeService.ListDisputes */
        get: operations["DisputeService_ListDisputes"];
        put?: never;
        /** cim.v1.DisputeService.OpenDispute */
        post: operations["DisputeService_OpenDispute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{dispute_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.DisputeService.GetDispute */
        get: operations["DisputeService_GetDispute"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{dispute_id}:resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.DisputeService.ResolveDispute */
        post: operations["DisputeService_ResolveDispute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{dispute_id}:withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.DisputeService.WithdrawDispute */
        post: operations["DisputeService_WithdrawDispute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{dispute_id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.DisputeService.PostDisputeMessage */
        post: operations["DisputeService_PostDisputeMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.ProgramService.ListEnrollments */
        get: operations["ProgramService_ListEnrollments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.EngagementService.ListFeed */
        get: operations["EngagementService_ListFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/feed:spotlight": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.EngagementService.PostSpotlight */
        post: operations["EngagementService_PostSpotlight"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/fund-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.FundService.ListFundRequests */
        get: operations["FundService_ListFundRequests"];
        put?: never;
        /** cim.v1.FundService.CreateFundRequest */
        post: operations["FundService_CreateFundRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/fund-requests/{fund_request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.FundService.GetFundRequest */
        get: operations["FundService_GetFundRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/fund-requests/{fund_request_id}:approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.FundService.ApproveFundRequest */
        post: operations["FundService_ApproveFundRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/fund-requests/{fund_request_id}:cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.FundService.CancelFundRequest */
        post: operations["FundService_CancelFundRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/fund-requests/{fund_request_id}:claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.FundService.SubmitReimbursement */
        post: operations["FundService_SubmitReimbursement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/fund-requests/{fund_request_id}:reimburse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.FundService.ApproveReimbursement */
        post: operations["FundService_ApproveReimbursement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/fund-requests/{fund_request_id}:reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.FundService.RejectFundRequest */
        post: operations["FundService_RejectFundRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/fund-requests/{fund_request_id}:rejectClaim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.FundService.RejectReimbursement */
        post: operations["FundService_RejectReimbursement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.FundService.ListFunds */
        get: operations["FundService_ListFunds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kudos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.EngagementService.GiveKudos */
        post: operations["EngagementService_GiveKudos"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kudos-budgets/{partner_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.EngagementService.GetKudosBudget */
        get: operations["EngagementService_GetKudosBudget"];
        /** cim.v1.EngagementService.SetKudosBudget */
        put: operations["EngagementService_SetKudosBudget"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/leaderboards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.RecognitionService.ListLeaderboards */
        get: operations["RecognitionService_ListLeaderboards"];
        put?: never;
        /** cim.v1.RecognitionService.CreateLeaderboard */
        post: operations["RecognitionService_CreateLeaderboard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/leaderboards/{leaderboard_id}:watch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.RecognitionService.WatchLeaderboard */
        get: operations["RecognitionService_WatchLeaderboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/leaderboards/{leaderboard.id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.RecognitionService.GetLeaderboard */
        get: operations["RecognitionService_GetLeaderboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** cim.v1.RecognitionService.UpdateLeaderboard */
        patch: operations["RecognitionService_UpdateLeaderboard"];
        trace?: never;
    };
    "/v1/ledger-entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.LedgerService.ListLedgerEntries */
        get: operations["LedgerService_ListLedgerEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ledger-entries:export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.ExportService.ExportLedger */
        get: operations["ExportService_ExportLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ledger-entries/{entry_id}:reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.LedgerService.ReverseLedgerEntry */
        post: operations["LedgerService_ReverseLedgerEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/levels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.RecognitionService.ListLevels */
        get: operations["RecognitionService_ListLevels"];
        /** cim.v1.RecognitionService.SetLevels */
        put: operations["RecognitionService_SetLevels"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notification-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.NotificationService.GetNotificationSettings */
        get: operations["NotificationService_GetNotificationSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** cim.v1.NotificationService.UpdateNotificationSettings */
        patch: operations["NotificationService_UpdateNotificationSettings"];
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.NotificationService.ListNotifications */
        get: operations["NotificationService_ListNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications:markRead": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.NotificationService.MarkNotificationsRead */
        post: operations["NotificationService_MarkNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications:watch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.NotificationService.WatchNotifications */
        get: operations["NotificationService_WatchNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.PartnerService.ListPartners */
        get: operations["PartnerService_ListPartners"];
        put?: never;
        /** cim.v1.PartnerService.CreatePartner */
        post: operations["PartnerService_CreatePartner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{partner_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.PartnerService.GetPartner */
        get: operations["PartnerService_GetPartner"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** cim.v1.PartnerService.UpdatePartner */
        patch: operations["PartnerService_UpdatePartner"];
        trace?: never;
    };
    "/v1/partners/{partner_id}/notification-defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.NotificationService.GetPartnerNotificationDefaults */
        get: operations["NotificationService_GetPartnerNotificationDefaults"];
        /** cim.v1.NotificationService.UpdatePartnerNotificationDefaults */
        put: operations["NotificationService_UpdatePartnerNotificationDefaults"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payout-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.PayoutService.CreatePayoutRun */
        post: operations["PayoutService_CreatePayoutRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.ProgramService.ListProducts */
        get: operations["ProgramService_ListProducts"];
        put?: never;
        /** cim.v1.ProgramService.CreateProduct */
        post: operations["ProgramService_CreateProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products:import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.ProgramService.ImportProducts */
        post: operations["ProgramService_ImportProducts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products:importCsv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.ProgramService.ImportProductsFromCsv */
        post: operations["ProgramService_ImportProductsFromCsv"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/{product_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.ProgramService.GetProduct */
        get: operations["ProgramService_GetProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** cim.v1.ProgramService.UpdateProduct */
        patch: operations["ProgramService_UpdateProduct"];
        trace?: never;
    };
    "/v1/program-costs/{cost_id}:void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.PerformanceService.VoidProgramCost */
        post: operations["PerformanceService_VoidProgramCost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/program-performance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.PerformanceService.ListProgramPerformance */
        get: operations["PerformanceService_ListProgramPerformance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.ProgramService.ListPrograms */
        get: operations["ProgramService_ListPrograms"];
        put?: never;
        /** cim.v1.ProgramService.CreateProgram */
        post: operations["ProgramService_CreateProgram"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programs:simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.PerformanceService.SimulateProgram */
        post: operations["PerformanceService_SimulateProgram"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programs/{program_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.ProgramService.GetProgram */
        get: operations["ProgramService_GetProgram"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** cim.v1.ProgramService.UpdateProgram */
        patch: operations["ProgramService_UpdateProgram"];
        trace?: never;
    };
    "/v1/programs/{program_id}:activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.ProgramService.ActivateProgram */
        post: operations["ProgramService_ActivateProgram"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programs/{program_id}:close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.ProgramService.CloseProgram */
        post: operations["ProgramService_CloseProgram"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programs/{program_id}:pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.ProgramService.PauseProgram */
        post: operations["ProgramService_PauseProgram"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programs/{program_id}/costs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.PerformanceService.ListProgramCosts */
        get: operations["PerformanceService_ListProgramCosts"];
        put?: never;
        /** cim.v1.PerformanceService.AddProgramCost */
        post: operations["PerformanceService_AddProgramCost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programs/{program_id}/eligibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.ProgramService.CheckEligibility */
        get: operations["ProgramService_CheckEligibility"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programs/{program_id}/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.ProgramService.EnrollPartner */
        post: operations["ProgramService_EnrollPartner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programs/{program_id}/enrollments:acceptTerms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.ProgramService.AcceptProgramTerms */
        post: operations["ProgramService_AcceptProgramTerms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programs/{program_id}/performance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.PerformanceService.GetProgramPerformance */
        get: operations["PerformanceService_GetProgramPerformance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programs/{program_id}/performance:export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.ExportService.ExportProgramPerformance */
        get: operations["ExportService_ExportProgramPerformance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programs/{program_id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.ProgramService.GetPartnerProgress */
        get: operations["ProgramService_GetPartnerProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programs/{program_id}/terms-versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.ProgramService.ListProgramTermsVersions */
        get: operations["ProgramService_ListProgramTermsVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programs/{program_id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.ProgramService.ListProgramRulesVersions */
        get: operations["ProgramService_ListProgramRulesVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/recognition:badges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.RecognitionService.ListUserBadges */
        get: operations["RecognitionService_ListUserBadges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/recognition:setLeaderboardPrivacy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.RecognitionService.SetLeaderboardPrivacy */
        post: operations["RecognitionService_SetLeaderboardPrivacy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/recognition:summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.RecognitionService.GetRecognitionSummary */
        get: operations["RecognitionService_GetRecognitionSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/recognition:watch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.RecognitionService.WatchProgress */
        get: operations["RecognitionService_WatchProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/redemption-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.RedemptionService.ListRedemptionOrders */
        get: operations["RedemptionService_ListRedemptionOrders"];
        put?: never;
        /** cim.v1.RedemptionService.PlaceRedemptionOrder */
        post: operations["RedemptionService_PlaceRedemptionOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/redemption-orders:fulfilFromCsv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.RedemptionService.FulfilRedemptionOrdersFromCsv */
        post: operations["RedemptionService_FulfilRedemptionOrdersFromCsv"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/redemption-orders/{order_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.RedemptionService.GetRedemptionOrder */
        get: operations["RedemptionService_GetRedemptionOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/redemption-orders/{order_id}:approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.RedemptionService.ApproveRedemptionOrder */
        post: operations["RedemptionService_ApproveRedemptionOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/redemption-orders/{order_id}:cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.RedemptionService.CancelRedemptionOrder */
        post: operations["RedemptionService_CancelRedemptionOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/redemption-orders/{order_id}:deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.RedemptionService.MarkRedemptionOrderDelivered */
        post: operations["RedemptionService_MarkRedemptionOrderDelivered"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/redemption-orders/{order_id}:fulfil": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.RedemptionService.FulfilRedemptionOrder */
        post: operations["RedemptionService_FulfilRedemptionOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/redemption-orders/{order_id}:refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.RedemptionService.RefuseRedemptionOrder */
        post: operations["RedemptionService_RefuseRedemptionOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reward-item-images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.RedemptionService.UploadRewardItemImage */
        post: operations["RedemptionService_UploadRewardItemImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reward-item-images/{image_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.RedemptionService.DownloadRewardItemImage */
        get: operations["RedemptionService_DownloadRewardItemImage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reward-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.RedemptionService.ListRewardItems */
        get: operations["RedemptionService_ListRewardItems"];
        put?: never;
        /** cim.v1.RedemptionService.CreateRewardItem */
        post: operations["RedemptionService_CreateRewardItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reward-items/{item_id}:adjustStock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.RedemptionService.AdjustRewardItemStock */
        post: operations["RedemptionService_AdjustRewardItemStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reward-items/{item.id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.RedemptionService.GetRewardItem */
        get: operations["RedemptionService_GetRewardItem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** cim.v1.RedemptionService.UpdateRewardItem */
        patch: operations["RedemptionService_UpdateRewardItem"];
        trace?: never;
    };
    "/v1/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.PayoutService.ListStatements */
        get: operations["PayoutService_ListStatements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statements:export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.ExportService.ExportStatements */
        get: operations["ExportService_ExportStatements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statements/{statement_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.PayoutService.GetStatement */
        get: operations["PayoutService_GetStatement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statements/{statement_id}:export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.PayoutService.ExportStatement */
        get: operations["PayoutService_ExportStatement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statements/{statement_id}:markPaid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.PayoutService.MarkStatementPaid */
        post: operations["PayoutService_MarkStatementPaid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.EngagementService.ListSurveys */
        get: operations["EngagementService_ListSurveys"];
        put?: never;
        /** cim.v1.EngagementService.CreateSurvey */
        post: operations["EngagementService_CreateSurvey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/surveys/{survey_id}:respond": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.EngagementService.RespondToSurvey */
        post: operations["EngagementService_RespondToSurvey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/surveys/{survey_id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.EngagementService.GetSurveyResults */
        get: operations["EngagementService_GetSurveyResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/surveys/{survey.id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** cim.v1.EngagementService.UpdateSurvey */
        patch: operations["EngagementService_UpdateSurvey"];
        trace?: never;
    };
    "/v1/tier-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.TierService.ListTierChanges */
        get: operations["TierService_ListTierChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.TierService.GetTierLadder */
        get: operations["TierService_GetTierLadder"];
        /** cim.v1.TierService.SetTierLadder */
        put: operations["TierService_SetTierLadder"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tiers:evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.TierService.EvaluateTiers */
        post: operations["TierService_EvaluateTiers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tiers:status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.TierService.GetPartnerTierStatus */
        get: operations["TierService_GetPartnerTierStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/training-modules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.RecognitionService.ListTrainingModules */
        get: operations["RecognitionService_ListTrainingModules"];
        put?: never;
        /** cim.v1.RecognitionService.CreateTrainingModule */
        post: operations["RecognitionService_CreateTrainingModule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/training-modules/{module_id}:complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.RecognitionService.CompleteTraining */
        post: operations["RecognitionService_CompleteTraining"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/training-modules/{training_module.id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** cim.v1.RecognitionService.UpdateTrainingModule */
        patch: operations["RecognitionService_UpdateTrainingModule"];
        trace?: never;
    };
    "/v1/unsubscribe/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.NotificationService.Unsubscribe */
        post: operations["NotificationService_Unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.PartnerService.ListUsers */
        get: operations["PartnerService_ListUsers"];
        put?: never;
        /** cim.v1.PartnerService.CreateUser */
        post: operations["PartnerService_CreateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users:invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.PartnerService.InviteUser */
        post: operations["PartnerService_InviteUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** cim.v1.PartnerService.GetUser */
        get: operations["PartnerService_GetUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** cim.v1.PartnerService.UpdateUser */
        patch: operations["PartnerService_UpdateUser"];
        trace?: never;
    };
    "/v1/users/{user_id}:resetTwoStep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.AuthService.ResetTwoStep */
        post: operations["AuthService_ResetTwoStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{user_id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cim.v1.AuthService.IssueApiKey */
        post: operations["AuthService_IssueApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        "cim.v1.AcceptProgramTermsRequest": {
            /** Format: int32 */
            acceptedTermsVersion?: number;
            /** Format: int64 */
            programId?: string;
        };
        "cim.v1.AddProgramCostRequest": {
            amount?: string;
            /** @enum {string} */
            category?: "PROGRAM_COST_CATEGORY_UNSPECIFIED" | "PROGRAM_COST_CATEGORY_ADMIN" | "PROGRAM_COST_CATEGORY_TRAINING" | "PROGRAM_COST_CATEGORY_MARKETING";
            description?: string;
            incurredOn?: string;
            /** Format: int64 */
            programId?: string;
        };
        "cim.v1.AdjustRewardItemStockRequest": {
            /** Format: int64 */
            delta?: string;
            /** Format: int64 */
            itemId?: string;
            reason?: string;
        };
        "cim.v1.ApiKey": {
            /** Format: date-time */
            createTime?: string;
            description?: string;
            /** Format: date-time */
            expireTime?: string;
            /** Format: int64 */
            id?: string;
            /** Format: date-time */
            revokeTime?: string;
            /** Format: int64 */
            userId?: string;
        };
        "cim.v1.Attachment": {
            /** Format: int64 */
            claimId?: string;
            contentType?: string;
            /** Format: date-time */
            createTime?: string;
            filename?: string;
            /** Format: int64 */
            id?: string;
            /** Format: int64 */
            partnerId?: string;
            sha256?: string;
            /** Format: int64 */
            sizeBytes?: string;
            /** Format: int64 */
            uploadedByUserId?: string;
        };
        "cim.v1.AttachmentMetadata": {
            filename?: string;
            /** Format: int64 */
            partnerId?: string;
        };
        "cim.v1.Audience": {
            partnerTypes?: ("PARTNER_TYPE_UNSPECIFIED" | "PARTNER_TYPE_DISTRIBUTOR" | "PARTNER_TYPE_RESELLER" | "PARTNER_TYPE_DEALER" | "PARTNER_TYPE_BROKER" | "PARTNER_TYPE_AGENT" | "PARTNER_TYPE_MSP")[];
            regions?: string[];
            tiers?: string[];
        };
        "cim.v1.AuditRecord": {
            /** Format: int64 */
            actorPartnerId?: string;
            /** @enum {string} */
            actorRole?: "ROLE_UNSPECIFIED" | "ROLE_PARTNER_REP" | "ROLE_PARTNER_ADMIN" | "ROLE_CHANNEL_MANAGER" | "ROLE_PROGRAM_ADMIN" | "ROLE_FINANCE" | "ROLE_SERVICE_ACCOUNT";
            /** Format: int64 */
            actorUserId?: string;
            afterJson?: string;
            beforeJson?: string;
            clientAddress?: string;
            entityId?: string;
            entityType?: string;
            hash?: string;
            prevHash?: string;
            requestId?: string;
            rpc?: string;
            /** Format: int64 */
            seq?: string;
            /** Format: date-time */
            time?: string;
        };
        "cim.v1.Badge": {
            archived?: boolean;
            /** Format: date-time */
            createTime?: string;
            criteria?: components["schemas"]["cim.v1.BadgeCriteria"];
            description?: string;
            etag?: string;
            /** Format: int64 */
            id?: string;
            imageUrl?: string;
            name?: string;
        };
        "cim.v1.BadgeCriteria": {
            certification?: components["schemas"]["cim.v1.CertificationCriterion"];
            challengeCompleted?: components["schemas"]["cim.v1.ChallengeCompletedCriterion"];
            eventCount?: components["schemas"]["cim.v1.EventCountCriterion"];
            moduleCompleted?: components["schemas"]["cim.v1.ModuleCompletedCriterion"];
            periodSum?: components["schemas"]["cim.v1.PeriodSumCriterion"];
            placement?: components["schemas"]["cim.v1.PlacementCriterion"];
            streak?: components["schemas"]["cim.v1.StreakCriterion"];
        };
        "cim.v1.BadgeStatus": {
            badge?: components["schemas"]["cim.v1.Badge"];
            current?: string;
            earned?: boolean;
            /** Format: date-time */
            earnTime?: string;
            /** Format: int32 */
            progressPercent?: number;
            progressText?: string;
            target?: string;
        };
        "cim.v1.Balance": {
            /** @enum {string} */
            account?: "LEDGER_ACCOUNT_UNSPECIFIED" | "LEDGER_ACCOUNT_PAYABLE" | "LEDGER_ACCOUNT_POINTS" | "LEDGER_ACCOUNT_COOP_FUND" | "LEDGER_ACCOUNT_MDF_FUND";
            amount?: string;
            credited?: string;
            debited?: string;
            unit?: string;
        };
        "cim.v1.BeginTwoStepRequest": {
            currentPassword?: string;
        };
        "cim.v1.BeginTwoStepResponse": {
            otpauthUri?: string;
            secret?: string;
        };
        "cim.v1.BoardRank": {
            /** Format: int64 */
            leaderboardId?: string;
            /** Format: int64 */
            participants?: string;
            periodStart?: string;
            /** Format: int64 */
            previousRank?: string;
            /** Format: int64 */
            rank?: string;
            score?: string;
        };
        "cim.v1.BonusRule": {
            amount?: string;
            skus?: string[];
            targetVolume?: string;
        };
        "cim.v1.BudgetBurn": {
            budget?: string;
            dailyBurn?: string;
            drawn?: string;
            forecastExhaustionDate?: string;
            points?: components["schemas"]["cim.v1.BudgetPoint"][];
            remaining?: string;
        };
        "cim.v1.BudgetPoint": {
            date?: string;
            drawn?: string;
        };
        "cim.v1.Certification": {
            certificationCode?: string;
            /** Format: date-time */
            earnTime?: string;
            /** Format: date-time */
            expireTime?: string;
            /** Format: int64 */
            moduleId?: string;
            /** Format: int64 */
            partnerId?: string;
            userDisplayName?: string;
            /** Format: int64 */
            userId?: string;
        };
        "cim.v1.CertificationCriterion": {
            certificationCode?: string;
        };
        "cim.v1.Challenge": {
            archived?: boolean;
            audience?: components["schemas"]["cim.v1.Audience"];
            /** Format: int64 */
            completions?: string;
            /** Format: date-time */
            createTime?: string;
            description?: string;
            /** Format: date-time */
            endTime?: string;
            etag?: string;
            goal?: components["schemas"]["cim.v1.ChallengeGoal"];
            /** Format: int64 */
            id?: string;
            /** Format: int64 */
            programId?: string;
            progress?: components["schemas"]["cim.v1.ChallengeProgress"];
            /** Format: int64 */
            rewardBadgeId?: string;
            rewardPoints?: string;
            /** Format: date-time */
            startTime?: string;
            title?: string;
        };
        "cim.v1.ChallengeCompletedCriterion": {
            /** Format: int64 */
            challengeId?: string;
        };
        "cim.v1.ChallengeGoal": {
            currencyCode?: string;
            /** @enum {string} */
            kind?: "CHALLENGE_GOAL_KIND_UNSPECIFIED" | "CHALLENGE_GOAL_KIND_APPROVED_CLAIMS" | "CHALLENGE_GOAL_KIND_SALES" | "CHALLENGE_GOAL_KIND_PRODUCT_UNITS" | "CHALLENGE_GOAL_KIND_MODULES_COMPLETED" | "CHALLENGE_GOAL_KIND_POINTS";
            sku?: string;
            target?: string;
        };
        "cim.v1.ChallengeProgress": {
            completed?: boolean;
            /** Format: date-time */
            completeTime?: string;
            current?: string;
            /** Format: int32 */
            percent?: number;
            target?: string;
            text?: string;
        };
        "cim.v1.ChangePasswordRequest": {
            currentPassword?: string;
            newPassword?: string;
        };
        "cim.v1.ChangePasswordResponse": {
            /** Format: int32 */
            endedSessions?: number;
        };
        "cim.v1.ChangeProgramStatusRequest": {
            etag?: string;
            /** Format: int64 */
            programId?: string;
        };
        "cim.v1.CheckEligibilityResponse": {
            /** Format: int32 */
            acceptedTermsVersion?: number;
            eligible?: boolean;
            enrolled?: boolean;
            gaps?: components["schemas"]["cim.v1.EligibilityGap"][];
            reasons?: string[];
            terms?: string;
            /** Format: int32 */
            termsVersion?: number;
        };
        "cim.v1.Claim": {
            attachmentIds?: string[];
            attachments?: components["schemas"]["cim.v1.Attachment"][];
            /** Format: date-time */
            createTime?: string;
            currencyCode?: string;
            customerCountry?: string;
            customerName?: string;
            etag?: string;
            flags?: components["schemas"]["cim.v1.ClaimFlagDetail"][];
            /** Format: int64 */
            id?: string;
            invoiceDate?: string;
            invoiceNumber?: string;
            lines?: components["schemas"]["cim.v1.ClaimLine"][];
            notes?: string;
            /** Format: int64 */
            partnerId?: string;
            /** Format: int64 */
            programId?: string;
            /** Format: int64 */
            reviewerUserId?: string;
            rewards?: components["schemas"]["cim.v1.LedgerEntry"][];
            /** @enum {string} */
            status?: "CLAIM_STATUS_UNSPECIFIED" | "CLAIM_STATUS_SUBMITTED" | "CLAIM_STATUS_IN_REVIEW" | "CLAIM_STATUS_APPROVED" | "CLAIM_STATUS_REJECTED" | "CLAIM_STATUS_NEEDS_INFO" | "CLAIM_STATUS_PAID";
            /** Format: int64 */
            submittedByUserId?: string;
            timeline?: components["schemas"]["cim.v1.ClaimEvent"][];
            totalAmount?: string;
            /** Format: date-time */
            updateTime?: string;
        };
        "cim.v1.ClaimEvent": {
            actorName?: string;
            /** Format: int64 */
            actorUserId?: string;
            comment?: string;
            /** @enum {string} */
            fromStatus?: "CLAIM_STATUS_UNSPECIFIED" | "CLAIM_STATUS_SUBMITTED" | "CLAIM_STATUS_IN_REVIEW" | "CLAIM_STATUS_APPROVED" | "CLAIM_STATUS_REJECTED" | "CLAIM_STATUS_NEEDS_INFO" | "CLAIM_STATUS_PAID";
            /** Format: date-time */
            time?: string;
            /** @enum {string} */
            toStatus?: "CLAIM_STATUS_UNSPECIFIED" | "CLAIM_STATUS_SUBMITTED" | "CLAIM_STATUS_IN_REVIEW" | "CLAIM_STATUS_APPROVED" | "CLAIM_STATUS_REJECTED" | "CLAIM_STATUS_NEEDS_INFO" | "CLAIM_STATUS_PAID";
        };
        "cim.v1.ClaimEventNotice": {
            /** Format: int64 */
            claimId?: string;
            event?: components["schemas"]["cim.v1.ClaimEvent"];
            /** Format: int64 */
            eventId?: string;
            /** Format: int64 */
            partnerId?: string;
            /** Format: int64 */
            programId?: string;
            /** Format: int64 */
            resumeAfter?: string;
        };
        "cim.v1.ClaimFlagDetail": {
            /** @enum {string} */
            flag?: "CLAIM_FLAG_UNSPECIFIED" | "CLAIM_FLAG_CHANNEL_CONFLICT" | "CLAIM_FLAG_RESUBMITTED";
            reason?: string;
            relatedClaimIds?: string[];
        };
        "cim.v1.ClaimLine": {
            amount?: string;
            /** Format: int64 */
            quantity?: string;
            sku?: string;
            unitPrice?: string;
        };
        "cim.v1.ClaimsFunnel": {
            /** Format: int64 */
            approved?: string;
            averageCycleHours?: number;
            /** Format: int64 */
            inReview?: string;
            medianCycleHours?: number;
            /** Format: int64 */
            needsInfo?: string;
            /** Format: int64 */
            paid?: string;
            /** Format: int64 */
            rejected?: string;
            /** Format: int64 */
            submitted?: string;
        };
        "cim.v1.CompleteTrainingRequest": {
            externalCompletionId?: string;
            /** Format: int64 */
            moduleId?: string;
            quizAnswers?: components["schemas"]["cim.v1.QuizAnswer"][];
            /** Format: int32 */
            quizScore?: number;
            /** Format: int64 */
            userId?: string;
        };
        "cim.v1.ConfirmTwoStepRequest": {
            oneTimeCode?: string;
        };
        "cim.v1.ConfirmTwoStepResponse": {
            recoveryCodes?: string[];
        };
        "cim.v1.CoopAccrualRule": {
            percent?: string;
            skus?: string[];
        };
        "cim.v1.CreatePayoutRunRequest": {
            idempotencyKey?: string;
            periodEnd?: string;
            periodStart?: string;
        };
        "cim.v1.CreateUserRequest": {
            initialPassword?: string;
            user?: components["schemas"]["cim.v1.User"];
        };
        "cim.v1.CsvFulfilmentRow": {
            error?: string;
            /** Format: int32 */
            line?: number;
            /** Format: int64 */
            orderId?: string;
        };
        "cim.v1.CsvProblem": {
            column?: string;
            description?: string;
        };
        "cim.v1.CsvProductRow": {
            /** @enum {string} */
            action?: "CSV_PRODUCT_ACTION_UNSPECIFIED" | "CSV_PRODUCT_ACTION_CREATE" | "CSV_PRODUCT_ACTION_UPDATE";
            /** Format: int32 */
            line?: number;
            problems?: components["schemas"]["cim.v1.CsvProblem"][];
            sku?: string;
        };
        "cim.v1.DecideFundRequestRequest": {
            amount?: string;
            comment?: string;
            etag?: string;
            /** Format: int64 */
            fundRequestId?: string;
        };
        "cim.v1.Dispute": {
            adjustment?: components["schemas"]["cim.v1.LedgerEntry"];
            /** Format: int64 */
            ageSeconds?: string;
            etag?: string;
            /** Format: date-time */
            firstReplyTime?: string;
            /** Format: int64 */
            id?: string;
            /** Format: int32 */
            messageCount?: number;
            openedByName?: string;
            /** Format: int64 */
            openedByUserId?: string;
            /** Format: date-time */
            openTime?: string;
            /** Format: int64 */
            partnerId?: string;
            partnerName?: string;
            /** Format: int64 */
            programId?: string;
            programName?: string;
            resolution?: string;
            resolvedByName?: string;
            /** Format: int64 */
            resolvedByUserId?: string;
            /** Format: date-time */
            resolveTime?: string;
            /** @enum {string} */
            state?: "DISPUTE_STATE_UNSPECIFIED" | "DISPUTE_STATE_OPEN" | "DISPUTE_STATE_ADJUSTED" | "DISPUTE_STATE_REFUSED" | "DISPUTE_STATE_WITHDRAWN";
            subject?: components["schemas"]["cim.v1.DisputeSubject"];
            thread?: components["schemas"]["cim.v1.DisputeMessage"][];
        };
        "cim.v1.DisputeAdjustment": {
            /** @enum {string} */
            account?: "LEDGER_ACCOUNT_UNSPECIFIED" | "LEDGER_ACCOUNT_PAYABLE" | "LEDGER_ACCOUNT_POINTS" | "LEDGER_ACCOUNT_COOP_FUND" | "LEDGER_ACCOUNT_MDF_FUND";
            amount?: string;
            explanation?: string;
            /** Format: int64 */
            programId?: string;
        };
        "cim.v1.DisputeMessage": {
            attachments?: components["schemas"]["cim.v1.Attachment"][];
            authorName?: string;
            /** Format: int64 */
            authorUserId?: string;
            body?: string;
            /** Format: date-time */
            createTime?: string;
            fromVendor?: boolean;
            /** Format: int64 */
            id?: string;
        };
        "cim.v1.DisputeRefusal": {
            reason?: string;
        };
        "cim.v1.DisputeSubject": {
            /** Format: int64 */
            claimId?: string;
            /** Format: int64 */
            entryId?: string;
            expected?: string;
            /** @enum {string} */
            kind?: "DISPUTE_SUBJECT_KIND_UNSPECIFIED" | "DISPUTE_SUBJECT_KIND_CLAIM" | "DISPUTE_SUBJECT_KIND_REWARD" | "DISPUTE_SUBJECT_KIND_MISSING_REWARD" | "DISPUTE_SUBJECT_KIND_STATEMENT_LINE";
            /** Format: int64 */
            programId?: string;
            /** Format: int64 */
            statementId?: string;
        };
        "cim.v1.Eligibility": {
            partnerIds?: string[];
            partnerTypes?: ("PARTNER_TYPE_UNSPECIFIED" | "PARTNER_TYPE_DISTRIBUTOR" | "PARTNER_TYPE_RESELLER" | "PARTNER_TYPE_DEALER" | "PARTNER_TYPE_BROKER" | "PARTNER_TYPE_AGENT" | "PARTNER_TYPE_MSP")[];
            regions?: string[];
            requiredCertifications?: string[];
            tiers?: string[];
        };
        "cim.v1.EligibilityGap": {
            allowed?: string[];
            certificationCode?: string;
            current?: string;
            /** @enum {string} */
            kind?: "ELIGIBILITY_GAP_KIND_UNSPECIFIED" | "ELIGIBILITY_GAP_KIND_PARTNER_STATUS" | "ELIGIBILITY_GAP_KIND_PARTNER_TYPE" | "ELIGIBILITY_GAP_KIND_TIER" | "ELIGIBILITY_GAP_KIND_REGION" | "ELIGIBILITY_GAP_KIND_NAMED_PARTNERS" | "ELIGIBILITY_GAP_KIND_CERTIFICATION";
            nextStep?: string;
            reason?: string;
        };
        "cim.v1.EndSessionResponse": Record<string, never>;
        "cim.v1.Enrollment": {
            /** Format: int64 */
            acceptedByUserId?: string;
            /** Format: int32 */
            acceptedTermsVersion?: number;
            /** Format: date-time */
            acceptTime?: string;
            /** Format: int64 */
            id?: string;
            /** Format: int64 */
            partnerId?: string;
            /** Format: int64 */
            programId?: string;
        };
        "cim.v1.EnrollPartnerRequest": {
            /** Format: int32 */
            acceptedTermsVersion?: number;
            /** Format: int64 */
            programId?: string;
        };
        "cim.v1.EvaluateTiersRequest": {
            dryRun?: boolean;
            /** Format: int64 */
            partnerId?: string;
        };
        "cim.v1.EvaluateTiersResponse": {
            changes?: components["schemas"]["cim.v1.TierChange"][];
            /** Format: int32 */
            evaluated?: number;
            /** Format: int32 */
            skipped?: number;
        };
        "cim.v1.EventCountCriterion": {
            /** Format: int64 */
            count?: string;
            /** @enum {string} */
            event?: "RECOGNITION_EVENT_KIND_UNSPECIFIED" | "RECOGNITION_EVENT_KIND_CLAIM_APPROVED" | "RECOGNITION_EVENT_KIND_POINTS_REVERSED" | "RECOGNITION_EVENT_KIND_TRAINING_COMPLETED" | "RECOGNITION_EVENT_KIND_KUDOS_RECEIVED" | "RECOGNITION_EVENT_KIND_CHALLENGE_COMPLETED" | "RECOGNITION_EVENT_KIND_TIER_CHANGED";
        };
        "cim.v1.ExportStatementResponse": {
            contentType?: string;
            csv?: string;
            filename?: string;
        };
        "cim.v1.FeedEntry": {
            authorDisplayName?: string;
            /** Format: int64 */
            authorUserId?: string;
            /** Format: int64 */
            badgeId?: string;
            /** Format: int64 */
            challengeId?: string;
            /** Format: date-time */
            createTime?: string;
            headline?: string;
            /** Format: int64 */
            id?: string;
            /** @enum {string} */
            kind?: "FEED_ENTRY_KIND_UNSPECIFIED" | "FEED_ENTRY_KIND_KUDOS" | "FEED_ENTRY_KIND_SPOTLIGHT" | "FEED_ENTRY_KIND_BADGE_EARNED" | "FEED_ENTRY_KIND_LEVEL_UP" | "FEED_ENTRY_KIND_TIER_PROMOTION" | "FEED_ENTRY_KIND_PERIOD_WINNER" | "FEED_ENTRY_KIND_CHALLENGE_COMPLETED";
            /** Format: int64 */
            leaderboardId?: string;
            message?: string;
            /** Format: int64 */
            partnerId?: string;
            partnerName?: string;
            points?: string;
            userDisplayName?: string;
            /** Format: int64 */
            userId?: string;
            /** @enum {string} */
            visibility?: "FEED_VISIBILITY_UNSPECIFIED" | "FEED_VISIBILITY_PUBLIC" | "FEED_VISIBILITY_PARTNER";
        };
        "cim.v1.FulfilRedemptionOrdersFromCsvRequest": {
            csv?: string;
            validateOnly?: boolean;
        };
        "cim.v1.FulfilRedemptionOrdersFromCsvResponse": {
            /** Format: int32 */
            fulfilled?: number;
            rows?: components["schemas"]["cim.v1.CsvFulfilmentRow"][];
        };
        "cim.v1.FundBalance": {
            available?: string;
            credited?: string;
            currencyCode?: string;
            debited?: string;
            /** @enum {string} */
            fund?: "LEDGER_ACCOUNT_UNSPECIFIED" | "LEDGER_ACCOUNT_PAYABLE" | "LEDGER_ACCOUNT_POINTS" | "LEDGER_ACCOUNT_COOP_FUND" | "LEDGER_ACCOUNT_MDF_FUND";
            /** Format: int64 */
            programId?: string;
            programName?: string;
            reserved?: string;
        };
        "cim.v1.FundRequest": {
            activity?: string;
            actualCost?: string;
            approvedAmount?: string;
            /** Format: date-time */
            createTime?: string;
            currencyCode?: string;
            description?: string;
            endDate?: string;
            entries?: components["schemas"]["cim.v1.LedgerEntry"][];
            etag?: string;
            /** @enum {string} */
            fund?: "LEDGER_ACCOUNT_UNSPECIFIED" | "LEDGER_ACCOUNT_PAYABLE" | "LEDGER_ACCOUNT_POINTS" | "LEDGER_ACCOUNT_COOP_FUND" | "LEDGER_ACCOUNT_MDF_FUND";
            /** Format: int64 */
            id?: string;
            /** Format: int64 */
            partnerId?: string;
            plannedCost?: string;
            /** Format: int64 */
            programId?: string;
            proof?: components["schemas"]["cim.v1.Attachment"][];
            proofNotes?: string;
            reimbursedAmount?: string;
            /** Format: int64 */
            requestedByUserId?: string;
            startDate?: string;
            /** @enum {string} */
            status?: "FUND_REQUEST_STATUS_UNSPECIFIED" | "FUND_REQUEST_STATUS_SUBMITTED" | "FUND_REQUEST_STATUS_APPROVED" | "FUND_REQUEST_STATUS_REJECTED" | "FUND_REQUEST_STATUS_CLAIMED" | "FUND_REQUEST_STATUS_REIMBURSED" | "FUND_REQUEST_STATUS_CANCELLED";
            timeline?: components["schemas"]["cim.v1.FundRequestEvent"][];
            /** Format: date-time */
            updateTime?: string;
        };
        "cim.v1.FundRequestEvent": {
            actorName?: string;
            /** Format: int64 */
            actorUserId?: string;
            comment?: string;
            /** @enum {string} */
            fromStatus?: "FUND_REQUEST_STATUS_UNSPECIFIED" | "FUND_REQUEST_STATUS_SUBMITTED" | "FUND_REQUEST_STATUS_APPROVED" | "FUND_REQUEST_STATUS_REJECTED" | "FUND_REQUEST_STATUS_CLAIMED" | "FUND_REQUEST_STATUS_REIMBURSED" | "FUND_REQUEST_STATUS_CANCELLED";
            /** Format: date-time */
            time?: string;
            /** @enum {string} */
            toStatus?: "FUND_REQUEST_STATUS_UNSPECIFIED" | "FUND_REQUEST_STATUS_SUBMITTED" | "FUND_REQUEST_STATUS_APPROVED" | "FUND_REQUEST_STATUS_REJECTED" | "FUND_REQUEST_STATUS_CLAIMED" | "FUND_REQUEST_STATUS_REIMBURSED" | "FUND_REQUEST_STATUS_CANCELLED";
        };
        "cim.v1.GetBalanceResponse": {
            balances?: components["schemas"]["cim.v1.Balance"][];
        };
        "cim.v1.GetLeaderboardResponse": {
            around?: components["schemas"]["cim.v1.LeaderboardRow"][];
            caller?: components["schemas"]["cim.v1.LeaderboardRow"];
            leaderboard?: components["schemas"]["cim.v1.Leaderboard"];
            /** Format: int64 */
            participants?: string;
            periodEnd?: string;
            periodStart?: string;
            top?: components["schemas"]["cim.v1.LeaderboardRow"][];
        };
        "cim.v1.GiveKudosRequest": {
            message?: string;
            points?: string;
            /** Format: int64 */
            recipientUserId?: string;
            requestId?: string;
            /** @enum {string} */
            visibility?: "FEED_VISIBILITY_UNSPECIFIED" | "FEED_VISIBILITY_PUBLIC" | "FEED_VISIBILITY_PARTNER";
        };
        "cim.v1.GrowthRule": {
            amount?: string;
            /** @enum {string} */
            baseline?: "BASELINE_PERIOD_UNSPECIFIED" | "BASELINE_PERIOD_PREVIOUS" | "BASELINE_PERIOD_SAME_LAST_YEAR";
            /** Format: int64 */
            baselineProgramId?: string;
            minGrowthPercent?: string;
            skus?: string[];
        };
        "cim.v1.ImportProductsFromCsvRequest": {
            csv?: string;
            validateOnly?: boolean;
        };
        "cim.v1.ImportProductsFromCsvResponse": {
            /** Format: int32 */
            createdCount?: number;
            imported?: boolean;
            rows?: components["schemas"]["cim.v1.CsvProductRow"][];
            /** Format: int32 */
            updatedCount?: number;
        };
        "cim.v1.ImportProductsRequest": {
            products?: components["schemas"]["cim.v1.Product"][];
        };
        "cim.v1.ImportProductsResponse": {
            /** Format: int32 */
            createdCount?: number;
            /** Format: int32 */
            updatedCount?: number;
        };
        "cim.v1.IncentiveRule": {
            bonus?: components["schemas"]["cim.v1.BonusRule"];
            coopAccrual?: components["schemas"]["cim.v1.CoopAccrualRule"];
            growth?: components["schemas"]["cim.v1.GrowthRule"];
            id?: string;
            mdfAllocation?: components["schemas"]["cim.v1.MdfAllocationRule"];
            name?: string;
            points?: components["schemas"]["cim.v1.PointsRule"];
            rebate?: components["schemas"]["cim.v1.RebateRule"];
            spif?: components["schemas"]["cim.v1.SpifRule"];
        };
        "cim.v1.InviteUserRequest": {
            user?: components["schemas"]["cim.v1.User"];
        };
        "cim.v1.IssueApiKeyRequest": {
            description?: string;
            /** Format: int32 */
            ttlDays?: number;
            /** Format: int64 */
            userId?: string;
        };
        "cim.v1.IssueApiKeyResponse": {
            apiKey?: string;
            /** Format: date-time */
            expireTime?: string;
            /** Format: int64 */
            keyId?: string;
        };
        "cim.v1.Kudos": {
            /** Format: date-time */
            createTime?: string;
            /** Format: int64 */
            feedEntryId?: string;
            /** Format: int64 */
            giverUserId?: string;
            /** Format: int64 */
            id?: string;
            message?: string;
            points?: string;
            /** Format: int64 */
            recipientPartnerId?: string;
            /** Format: int64 */
            recipientUserId?: string;
            /** @enum {string} */
            visibility?: "FEED_VISIBILITY_UNSPECIFIED" | "FEED_VISIBILITY_PUBLIC" | "FEED_VISIBILITY_PARTNER";
        };
        "cim.v1.KudosBudget": {
            month?: string;
            monthlyPoints?: string;
            /** Format: int64 */
            partnerId?: string;
            remainingPoints?: string;
            spentPoints?: string;
        };
        "cim.v1.Leaderboard": {
            archived?: boolean;
            /** Format: date-time */
            createTime?: string;
            currencyCode?: string;
            etag?: string;
            /** Format: int64 */
            id?: string;
            /** @enum {string} */
            metric?: "RECOGNITION_METRIC_UNSPECIFIED" | "RECOGNITION_METRIC_SALES" | "RECOGNITION_METRIC_POINTS";
            name?: string;
            /** @enum {string} */
            period?: "LEADERBOARD_PERIOD_UNSPECIFIED" | "LEADERBOARD_PERIOD_WEEK" | "LEADERBOARD_PERIOD_MONTH" | "LEADERBOARD_PERIOD_QUARTER" | "LEADERBOARD_PERIOD_YEAR" | "LEADERBOARD_PERIOD_ALL_TIME";
            /** Format: int64 */
            programId?: string;
            /** @enum {string} */
            scope?: "LEADERBOARD_SCOPE_UNSPECIFIED" | "LEADERBOARD_SCOPE_INDIVIDUAL" | "LEADERBOARD_SCOPE_PARTNER";
        };
        "cim.v1.LeaderboardRow": {
            displayName?: string;
            isCaller?: boolean;
            /** Format: int64 */
            participantId?: string;
            partnerName?: string;
            /** Format: int64 */
            rank?: string;
            score?: string;
        };
        "cim.v1.LedgerEntry": {
            /** @enum {string} */
            account?: "LEDGER_ACCOUNT_UNSPECIFIED" | "LEDGER_ACCOUNT_PAYABLE" | "LEDGER_ACCOUNT_POINTS" | "LEDGER_ACCOUNT_COOP_FUND" | "LEDGER_ACCOUNT_MDF_FUND";
            amount?: string;
            basis?: string;
            /** Format: int64 */
            claimId?: string;
            /** Format: int64 */
            createdByUserId?: string;
            /** Format: date-time */
            createTime?: string;
            /** Format: int64 */
            disputeId?: string;
            /** Format: int64 */
            fundRequestId?: string;
            /** Format: int64 */
            id?: string;
            /** @enum {string} */
            kind?: "LEDGER_ENTRY_KIND_UNSPECIFIED" | "LEDGER_ENTRY_KIND_REBATE" | "LEDGER_ENTRY_KIND_REBATE_TRUE_UP" | "LEDGER_ENTRY_KIND_SPIF" | "LEDGER_ENTRY_KIND_BONUS" | "LEDGER_ENTRY_KIND_GROWTH" | "LEDGER_ENTRY_KIND_POINTS" | "LEDGER_ENTRY_KIND_COOP_ACCRUAL" | "LEDGER_ENTRY_KIND_MDF_ALLOCATION" | "LEDGER_ENTRY_KIND_REIMBURSEMENT" | "LEDGER_ENTRY_KIND_PAYOUT" | "LEDGER_ENTRY_KIND_REVERSAL" | "LEDGER_ENTRY_KIND_REDEMPTION" | "LEDGER_ENTRY_KIND_ADJUSTMENT" | "LEDGER_ENTRY_KIND_TIER_UPLIFT";
            /** Format: int64 */
            partnerId?: string;
            periodStart?: string;
            /** Format: int64 */
            programId?: string;
            /** Format: int64 */
            redemptionOrderId?: string;
            /** Format: int64 */
            reversesEntryId?: string;
            ruleId?: string;
            /** Format: int32 */
            rulesVersion?: number;
            /** Format: int64 */
            statementId?: string;
            unit?: string;
            /** Format: int64 */
            userId?: string;
        };
        "cim.v1.Level": {
            minPoints?: string;
            name?: string;
            /** Format: int32 */
            rank?: number;
        };
        "cim.v1.LevelProgress": {
            level?: components["schemas"]["cim.v1.Level"];
            nextLevel?: components["schemas"]["cim.v1.Level"];
            pointsToNextLevel?: string;
            /** Format: int32 */
            progressPercent?: number;
        };
        "cim.v1.ListApiKeysResponse": {
            apiKeys?: components["schemas"]["cim.v1.ApiKey"][];
            nextPageToken?: string;
        };
        "cim.v1.ListAuditRecordsResponse": {
            nextPageToken?: string;
            records?: components["schemas"]["cim.v1.AuditRecord"][];
        };
        "cim.v1.ListBadgesResponse": {
            badges?: components["schemas"]["cim.v1.Badge"][];
            nextPageToken?: string;
        };
        "cim.v1.ListCertificationsResponse": {
            certifications?: components["schemas"]["cim.v1.Certification"][];
            nextPageToken?: string;
        };
        "cim.v1.ListChallengesResponse": {
            challenges?: components["schemas"]["cim.v1.Challenge"][];
        };
        "cim.v1.ListClaimsResponse": {
            claims?: components["schemas"]["cim.v1.Claim"][];
            nextPageToken?: string;
        };
        "cim.v1.ListDisputesResponse": {
            disputes?: components["schemas"]["cim.v1.Dispute"][];
            nextPageToken?: string;
        };
        "cim.v1.ListEnrollmentsResponse": {
            enrollments?: components["schemas"]["cim.v1.Enrollment"][];
            nextPageToken?: string;
        };
        "cim.v1.ListFeedResponse": {
            entries?: components["schemas"]["cim.v1.FeedEntry"][];
            nextPageToken?: string;
        };
        "cim.v1.ListFundRequestsResponse": {
            nextPageToken?: string;
            requests?: components["schemas"]["cim.v1.FundRequest"][];
        };
        "cim.v1.ListFundsResponse": {
            funds?: components["schemas"]["cim.v1.FundBalance"][];
        };
        "cim.v1.ListLeaderboardsResponse": {
            leaderboards?: components["schemas"]["cim.v1.Leaderboard"][];
        };
        "cim.v1.ListLedgerEntriesResponse": {
            entries?: components["schemas"]["cim.v1.LedgerEntry"][];
            nextPageToken?: string;
        };
        "cim.v1.ListLevelsResponse": {
            levels?: components["schemas"]["cim.v1.Level"][];
        };
        "cim.v1.ListNotificationsResponse": {
            nextPageToken?: string;
            notifications?: components["schemas"]["cim.v1.Notification"][];
            /** Format: int64 */
            unreadCount?: string;
        };
        "cim.v1.ListPartnersResponse": {
            nextPageToken?: string;
            partners?: components["schemas"]["cim.v1.Partner"][];
        };
        "cim.v1.ListProductsResponse": {
            nextPageToken?: string;
            products?: components["schemas"]["cim.v1.Product"][];
        };
        "cim.v1.ListProgramCostsResponse": {
            costs?: components["schemas"]["cim.v1.ProgramCost"][];
        };
        "cim.v1.ListProgramPerformanceResponse": {
            programs?: components["schemas"]["cim.v1.ProgramPerformance"][];
        };
        "cim.v1.ListProgramRulesVersionsResponse": {
            versions?: components["schemas"]["cim.v1.ProgramRulesVersion"][];
        };
        "cim.v1.ListProgramsResponse": {
            nextPageToken?: string;
            programs?: components["schemas"]["cim.v1.Program"][];
        };
        "cim.v1.ListProgramTermsVersionsResponse": {
            versions?: components["schemas"]["cim.v1.ProgramTermsVersion"][];
        };
        "cim.v1.ListRedemptionOrdersResponse": {
            nextPageToken?: string;
            orders?: components["schemas"]["cim.v1.RedemptionOrder"][];
        };
        "cim.v1.ListRewardItemsResponse": {
            items?: components["schemas"]["cim.v1.RewardItem"][];
            nextPageToken?: string;
            pointsBalance?: string;
        };
        "cim.v1.ListSessionsResponse": {
            sessions?: components["schemas"]["cim.v1.Session"][];
        };
        "cim.v1.ListSignInsResponse": {
            nextPageToken?: string;
            signIns?: components["schemas"]["cim.v1.SignIn"][];
        };
        "cim.v1.ListStatementsResponse": {
            nextPageToken?: string;
            statements?: components["schemas"]["cim.v1.Statement"][];
        };
        "cim.v1.ListSurveysResponse": {
            surveys?: components["schemas"]["cim.v1.Survey"][];
        };
        "cim.v1.ListTierChangesResponse": {
            changes?: components["schemas"]["cim.v1.TierChange"][];
            nextPageToken?: string;
        };
        "cim.v1.ListTrainingModulesResponse": {
            nextPageToken?: string;
            trainingModules?: components["schemas"]["cim.v1.TrainingModule"][];
        };
        "cim.v1.ListUserBadgesResponse": {
            badges?: components["schemas"]["cim.v1.BadgeStatus"][];
        };
        "cim.v1.ListUsersResponse": {
            nextPageToken?: string;
            users?: components["schemas"]["cim.v1.User"][];
        };
        "cim.v1.LoginRequest": {
            email?: string;
            oneTimeCode?: string;
            password?: string;
        };
        "cim.v1.LoginResponse": {
            /** Format: date-time */
            expireTime?: string;
            principal?: components["schemas"]["cim.v1.Principal"];
            token?: string;
        };
        "cim.v1.LogoutRequest": Record<string, never>;
        "cim.v1.LogoutResponse": Record<string, never>;
        "cim.v1.MarkNotificationsReadRequest": {
            all?: boolean;
            notificationIds?: string[];
        };
        "cim.v1.MarkNotificationsReadResponse": {
            /** Format: int64 */
            unreadCount?: string;
        };
        "cim.v1.MarkStatementPaidRequest": {
            etag?: string;
            paymentReference?: string;
            /** Format: int64 */
            statementId?: string;
        };
        "cim.v1.MdfAllocationRule": {
            amountPerPartner?: string;
            tierAmounts?: components["schemas"]["cim.v1.TierAmount"][];
        };
        "cim.v1.ModuleCompletedCriterion": {
            /** Format: int64 */
            moduleId?: string;
        };
        "cim.v1.Notification": {
            body?: string;
            /** @enum {string} */
            category?: "NOTIFICATION_CATEGORY_UNSPECIFIED" | "NOTIFICATION_CATEGORY_CLAIMS" | "NOTIFICATION_CATEGORY_PAYOUTS" | "NOTIFICATION_CATEGORY_ACHIEVEMENTS" | "NOTIFICATION_CATEGORY_TIERS" | "NOTIFICATION_CATEGORY_TRAINING" | "NOTIFICATION_CATEGORY_PROGRAMS" | "NOTIFICATION_CATEGORY_ORDERS" | "NOTIFICATION_CATEGORY_DISPUTES" | "NOTIFICATION_CATEGORY_REVIEW" | "NOTIFICATION_CATEGORY_BUDGETS";
            /** Format: date-time */
            createTime?: string;
            /** Format: int64 */
            id?: string;
            /** @enum {string} */
            kind?: "NOTIFICATION_KIND_UNSPECIFIED" | "NOTIFICATION_KIND_CLAIM_APPROVED" | "NOTIFICATION_KIND_CLAIM_REJECTED" | "NOTIFICATION_KIND_CLAIM_NEEDS_INFO" | "NOTIFICATION_KIND_STATEMENT_READY" | "NOTIFICATION_KIND_STATEMENT_PAID" | "NOTIFICATION_KIND_BADGE_EARNED" | "NOTIFICATION_KIND_LEVEL_UP" | "NOTIFICATION_KIND_TIER_PROMOTED" | "NOTIFICATION_KIND_TIER_DEMOTION_WARNING" | "NOTIFICATION_KIND_CERTIFICATION_EXPIRING" | "NOTIFICATION_KIND_PROGRAM_OPEN" | "NOTIFICATION_KIND_SURVEY_OPEN" | "NOTIFICATION_KIND_ORDER_SHIPPED" | "NOTIFICATION_KIND_DISPUTE_ANSWERED" | "NOTIFICATION_KIND_CLAIM_REVIEW_OVERDUE" | "NOTIFICATION_KIND_BUDGET_THRESHOLD" | "NOTIFICATION_KIND_DISPUTE_OPENED";
            link?: string;
            /** Format: date-time */
            readTime?: string;
            title?: string;
        };
        "cim.v1.NotificationPreference": {
            /** @enum {string} */
            category?: "NOTIFICATION_CATEGORY_UNSPECIFIED" | "NOTIFICATION_CATEGORY_CLAIMS" | "NOTIFICATION_CATEGORY_PAYOUTS" | "NOTIFICATION_CATEGORY_ACHIEVEMENTS" | "NOTIFICATION_CATEGORY_TIERS" | "NOTIFICATION_CATEGORY_TRAINING" | "NOTIFICATION_CATEGORY_PROGRAMS" | "NOTIFICATION_CATEGORY_ORDERS" | "NOTIFICATION_CATEGORY_DISPUTES" | "NOTIFICATION_CATEGORY_REVIEW" | "NOTIFICATION_CATEGORY_BUDGETS";
            /** @enum {string} */
            delivery?: "NOTIFICATION_DELIVERY_UNSPECIFIED" | "NOTIFICATION_DELIVERY_IMMEDIATE" | "NOTIFICATION_DELIVERY_DAILY_DIGEST";
            email?: boolean;
            inApp?: boolean;
            overridden?: boolean;
        };
        "cim.v1.NotificationSettings": {
            availableLanguages?: string[];
            language?: string;
            preferences?: components["schemas"]["cim.v1.NotificationPreference"][];
        };
        "cim.v1.NotificationsUpdate": {
            notifications?: components["schemas"]["cim.v1.Notification"][];
            /** Format: int64 */
            unreadCount?: string;
        };
        "cim.v1.NpsResult": {
            /** Format: int64 */
            detractors?: string;
            group?: string;
            nps?: string;
            /** Format: int64 */
            passives?: string;
            /** Format: int64 */
            promoters?: string;
            /** Format: int64 */
            responses?: string;
        };
        "cim.v1.OpenDisputeRequest": {
            attachmentIds?: string[];
            idempotencyKey?: string;
            message?: string;
            subject?: components["schemas"]["cim.v1.DisputeSubject"];
        };
        "cim.v1.Partner": {
            /** Format: date-time */
            createTime?: string;
            etag?: string;
            /** Format: int64 */
            id?: string;
            name?: string;
            /** Format: int64 */
            parentPartnerId?: string;
            region?: string;
            /** @enum {string} */
            status?: "PARTNER_STATUS_UNSPECIFIED" | "PARTNER_STATUS_ACTIVE" | "PARTNER_STATUS_SUSPENDED";
            tier?: string;
            /** @enum {string} */
            type?: "PARTNER_TYPE_UNSPECIFIED" | "PARTNER_TYPE_DISTRIBUTOR" | "PARTNER_TYPE_RESELLER" | "PARTNER_TYPE_DEALER" | "PARTNER_TYPE_BROKER" | "PARTNER_TYPE_AGENT" | "PARTNER_TYPE_MSP";
            /** Format: date-time */
            updateTime?: string;
        };
        "cim.v1.PartnerNotificationDefaults": {
            /** Format: int64 */
            partnerId?: string;
            preferences?: components["schemas"]["cim.v1.NotificationPreference"][];
        };
        "cim.v1.PartnerProgress": {
            budgetRemaining?: string;
            currencyCode?: string;
            earned?: string;
            paid?: string;
            /** Format: int64 */
            partnerId?: string;
            /** Format: int32 */
            pendingClaims?: number;
            pendingRewards?: string;
            pendingSales?: string;
            periodEnd?: string;
            periodStart?: string;
            points?: string;
            /** Format: int64 */
            programId?: string;
            rules?: components["schemas"]["cim.v1.RuleProgress"][];
        };
        "cim.v1.PartnerTierStatus": {
            /** Format: int32 */
            certifiedUsers?: number;
            currencyCode?: string;
            demotionWarning?: components["schemas"]["cim.v1.TierDemotionWarning"];
            nextTier?: components["schemas"]["cim.v1.TierGap"];
            /** Format: int64 */
            partnerId?: string;
            partnerName?: string;
            qualifiedTier?: components["schemas"]["cim.v1.Tier"];
            tier?: components["schemas"]["cim.v1.Tier"];
            trailingPoints?: string;
            trailingSales?: string;
        };
        "cim.v1.PartnerTierUplift": {
            percent?: string;
            tier?: string;
        };
        "cim.v1.PayoutRun": {
            /** Format: int64 */
            createdByUserId?: string;
            /** Format: date-time */
            createTime?: string;
            /** Format: int64 */
            id?: string;
            idempotencyKey?: string;
            periodEnd?: string;
            periodStart?: string;
            statements?: components["schemas"]["cim.v1.Statement"][];
        };
        "cim.v1.PeriodSumCriterion": {
            currencyCode?: string;
            /** @enum {string} */
            metric?: "RECOGNITION_METRIC_UNSPECIFIED" | "RECOGNITION_METRIC_SALES" | "RECOGNITION_METRIC_POINTS";
            /** @enum {string} */
            period?: "PROGRAM_PERIOD_UNSPECIFIED" | "PROGRAM_PERIOD_MONTH" | "PROGRAM_PERIOD_QUARTER" | "PROGRAM_PERIOD_YEAR";
            threshold?: string;
        };
        "cim.v1.PlacementCriterion": {
            /** Format: int64 */
            leaderboardId?: string;
            /** Format: int32 */
            top?: number;
        };
        "cim.v1.PlaceRedemptionOrderRequest": {
            deliveryAddress?: string;
            idempotencyKey?: string;
            /** Format: int64 */
            itemId?: string;
            /** Format: int32 */
            quantity?: number;
        };
        "cim.v1.PointsRule": {
            pointsPerCurrencyUnit?: string;
            pointsPerUnit?: string;
            skus?: string[];
        };
        "cim.v1.PostDisputeMessageRequest": {
            attachmentIds?: string[];
            body?: string;
            /** Format: int64 */
            disputeId?: string;
        };
        "cim.v1.PostSpotlightRequest": {
            headline?: string;
            message?: string;
            /** Format: int64 */
            partnerId?: string;
            /** Format: int64 */
            userId?: string;
            /** @enum {string} */
            visibility?: "FEED_VISIBILITY_UNSPECIFIED" | "FEED_VISIBILITY_PUBLIC" | "FEED_VISIBILITY_PARTNER";
        };
        "cim.v1.Principal": {
            displayName?: string;
            email?: string;
            language?: string;
            /** Format: int64 */
            partnerId?: string;
            partnerName?: string;
            /** @enum {string} */
            role?: "ROLE_UNSPECIFIED" | "ROLE_PARTNER_REP" | "ROLE_PARTNER_ADMIN" | "ROLE_CHANNEL_MANAGER" | "ROLE_PROGRAM_ADMIN" | "ROLE_FINANCE" | "ROLE_SERVICE_ACCOUNT";
            twoStepSetupRequired?: boolean;
            /** Format: int64 */
            userId?: string;
        };
        "cim.v1.Product": {
            category?: string;
            /** Format: date-time */
            createTime?: string;
            currencyCode?: string;
            etag?: string;
            /** Format: int64 */
            id?: string;
            listPrice?: string;
            name?: string;
            sku?: string;
            /** @enum {string} */
            status?: "PRODUCT_STATUS_UNSPECIFIED" | "PRODUCT_STATUS_ACTIVE" | "PRODUCT_STATUS_RETIRED";
            unitCost?: string;
            /** Format: date-time */
            updateTime?: string;
        };
        "cim.v1.Program": {
            budget?: string;
            budgetDrawn?: string;
            budgetRemaining?: string;
            /** Format: date-time */
            createTime?: string;
            currencyCode?: string;
            description?: string;
            eligibility?: components["schemas"]["cim.v1.Eligibility"];
            eligibleSkus?: string[];
            endDate?: string;
            etag?: string;
            /** Format: int64 */
            id?: string;
            name?: string;
            objectives?: string;
            /** @enum {string} */
            period?: "PROGRAM_PERIOD_UNSPECIFIED" | "PROGRAM_PERIOD_MONTH" | "PROGRAM_PERIOD_QUARTER" | "PROGRAM_PERIOD_YEAR";
            rules?: components["schemas"]["cim.v1.IncentiveRule"][];
            /** Format: int32 */
            rulesVersion?: number;
            startDate?: string;
            /** @enum {string} */
            status?: "PROGRAM_STATUS_UNSPECIFIED" | "PROGRAM_STATUS_DRAFT" | "PROGRAM_STATUS_ACTIVE" | "PROGRAM_STATUS_PAUSED" | "PROGRAM_STATUS_CLOSED";
            targets?: components["schemas"]["cim.v1.ProgramTarget"][];
            terms?: string;
            /** Format: int32 */
            termsVersion?: number;
            /** Format: date-time */
            updateTime?: string;
        };
        "cim.v1.ProgramCost": {
            amount?: string;
            /** @enum {string} */
            category?: "PROGRAM_COST_CATEGORY_UNSPECIFIED" | "PROGRAM_COST_CATEGORY_ADMIN" | "PROGRAM_COST_CATEGORY_TRAINING" | "PROGRAM_COST_CATEGORY_MARKETING";
            /** Format: int64 */
            createdBy?: string;
            /** Format: date-time */
            createTime?: string;
            description?: string;
            /** Format: int64 */
            id?: string;
            incurredOn?: string;
            /** Format: int64 */
            programId?: string;
            voided?: boolean;
        };
        "cim.v1.ProgramDisputes": {
            /** Format: int64 */
            adjusted?: string;
            medianResolutionHours?: number;
            /** Format: int64 */
            open?: string;
            /** Format: int64 */
            opened?: string;
            /** Format: int64 */
            refused?: string;
            /** Format: int64 */
            withdrawn?: string;
        };
        "cim.v1.ProgramEngagement": {
            /** Format: int64 */
            activePartners?: string;
            /** Format: int64 */
            eligiblePartners?: string;
            /** Format: int64 */
            enrolledPartners?: string;
            nps?: string;
            /** Format: int64 */
            surveyResponses?: string;
            /** Format: int64 */
            trainingCompletions?: string;
        };
        "cim.v1.ProgramPerformance": {
            baselineEnd?: string;
            baselineStart?: string;
            budget?: components["schemas"]["cim.v1.BudgetBurn"];
            byPartner?: components["schemas"]["cim.v1.SegmentPerformance"][];
            byPartnerType?: components["schemas"]["cim.v1.SegmentPerformance"][];
            byRegion?: components["schemas"]["cim.v1.SegmentPerformance"][];
            /** Format: date-time */
            computedTime?: string;
            currencyCode?: string;
            disputes?: components["schemas"]["cim.v1.ProgramDisputes"];
            engagement?: components["schemas"]["cim.v1.ProgramEngagement"];
            funnel?: components["schemas"]["cim.v1.ClaimsFunnel"];
            periodEnd?: string;
            periodStart?: string;
            pointsPosted?: string;
            /** Format: int64 */
            programId?: string;
            programName?: string;
            roi?: components["schemas"]["cim.v1.RoiFigures"];
            /** @enum {string} */
            status?: "PROGRAM_STATUS_UNSPECIFIED" | "PROGRAM_STATUS_DRAFT" | "PROGRAM_STATUS_ACTIVE" | "PROGRAM_STATUS_PAUSED" | "PROGRAM_STATUS_CLOSED";
        };
        "cim.v1.ProgramRulesVersion": {
            /** Format: int64 */
            createdByUserId?: string;
            /** Format: date-time */
            createTime?: string;
            /** Format: int64 */
            programId?: string;
            rules?: components["schemas"]["cim.v1.IncentiveRule"][];
            /** Format: int32 */
            version?: number;
        };
        "cim.v1.ProgramTarget": {
            description?: string;
            metric?: string;
            target?: string;
        };
        "cim.v1.ProgramTermsVersion": {
            /** Format: int64 */
            acceptedByUserId?: string;
            /** Format: date-time */
            acceptTime?: string;
            /** Format: date-time */
            createTime?: string;
            /** Format: int64 */
            programId?: string;
            terms?: string;
            /** Format: int32 */
            version?: number;
        };
        "cim.v1.ProgressUpdate": {
            levelUp?: boolean;
            newBadges?: components["schemas"]["cim.v1.BadgeStatus"][];
            ranks?: components["schemas"]["cim.v1.BoardRank"][];
            summary?: components["schemas"]["cim.v1.RecognitionSummary"];
        };
        "cim.v1.QuizAnswer": {
            selectedOptions?: number[];
        };
        "cim.v1.QuizQuestion": {
            correctOptions?: number[];
            options?: string[];
            prompt?: string;
        };
        "cim.v1.RebateAtRisk": {
            amountLost?: string;
            currencyCode?: string;
            percentAfter?: string;
            percentLost?: string;
            percentNow?: string;
            periodEnd?: string;
            periodSales?: string;
            periodStart?: string;
            /** Format: int64 */
            programId?: string;
            programName?: string;
            ruleId?: string;
            ruleName?: string;
        };
        "cim.v1.RebateRule": {
            /** @enum {string} */
            mode?: "REBATE_MODE_UNSPECIFIED" | "REBATE_MODE_MARGINAL" | "REBATE_MODE_RETROACTIVE";
            partnerTierUplifts?: components["schemas"]["cim.v1.PartnerTierUplift"][];
            skus?: string[];
            tiers?: components["schemas"]["cim.v1.RebateTier"][];
        };
        "cim.v1.RebateTier": {
            minVolume?: string;
            percent?: string;
        };
        "cim.v1.RecognitionSummary": {
            /** Format: int32 */
            badgesEarned?: number;
            level?: components["schemas"]["cim.v1.LevelProgress"];
            lifetimePoints?: string;
            /** Format: int64 */
            partnerId?: string;
            partnerLevel?: components["schemas"]["cim.v1.LevelProgress"];
            partnerLifetimePoints?: string;
            showNameOnLeaderboards?: boolean;
            /** Format: int64 */
            userId?: string;
        };
        "cim.v1.RedemptionOrder": {
            /** Format: date-time */
            createTime?: string;
            /** Format: int64 */
            debitEntryId?: string;
            deliveryAddress?: string;
            etag?: string;
            fulfilmentCode?: string;
            /** Format: int64 */
            id?: string;
            /** Format: int64 */
            itemId?: string;
            /** @enum {string} */
            itemKind?: "REWARD_ITEM_KIND_UNSPECIFIED" | "REWARD_ITEM_KIND_GIFT_CARD" | "REWARD_ITEM_KIND_MERCHANDISE" | "REWARD_ITEM_KIND_TRAINING_VOUCHER" | "REWARD_ITEM_KIND_EVENT_SEAT" | "REWARD_ITEM_KIND_DONATION";
            itemName?: string;
            /** Format: int64 */
            partnerId?: string;
            partnerName?: string;
            pointsEach?: string;
            pointsTotal?: string;
            /** Format: int32 */
            quantity?: number;
            reason?: string;
            /** Format: int64 */
            reversalEntryId?: string;
            /** @enum {string} */
            status?: "REDEMPTION_ORDER_STATUS_UNSPECIFIED" | "REDEMPTION_ORDER_STATUS_PLACED" | "REDEMPTION_ORDER_STATUS_APPROVED" | "REDEMPTION_ORDER_STATUS_FULFILLED" | "REDEMPTION_ORDER_STATUS_DELIVERED" | "REDEMPTION_ORDER_STATUS_CANCELLED" | "REDEMPTION_ORDER_STATUS_REFUSED";
            timeline?: components["schemas"]["cim.v1.RedemptionOrderEvent"][];
            trackingReference?: string;
            /** Format: date-time */
            updateTime?: string;
            /** Format: int64 */
            userId?: string;
            userName?: string;
        };
        "cim.v1.RedemptionOrderActionRequest": {
            etag?: string;
            fulfilmentCode?: string;
            /** Format: int64 */
            orderId?: string;
            reason?: string;
            trackingReference?: string;
        };
        "cim.v1.RedemptionOrderEvent": {
            actorName?: string;
            /** Format: int64 */
            actorUserId?: string;
            note?: string;
            /** @enum {string} */
            status?: "REDEMPTION_ORDER_STATUS_UNSPECIFIED" | "REDEMPTION_ORDER_STATUS_PLACED" | "REDEMPTION_ORDER_STATUS_APPROVED" | "REDEMPTION_ORDER_STATUS_FULFILLED" | "REDEMPTION_ORDER_STATUS_DELIVERED" | "REDEMPTION_ORDER_STATUS_CANCELLED" | "REDEMPTION_ORDER_STATUS_REFUSED";
            /** Format: date-time */
            time?: string;
        };
        "cim.v1.RenewRecoveryCodesRequest": {
            currentPassword?: string;
        };
        "cim.v1.RenewRecoveryCodesResponse": {
            recoveryCodes?: string[];
        };
        "cim.v1.RequestPasswordResetRequest": {
            email?: string;
        };
        "cim.v1.RequestPasswordResetResponse": Record<string, never>;
        "cim.v1.ResetPasswordRequest": {
            newPassword?: string;
            token?: string;
        };
        "cim.v1.ResetPasswordResponse": Record<string, never>;
        "cim.v1.ResetTwoStepRequest": {
            /** Format: int64 */
            userId?: string;
        };
        "cim.v1.ResetTwoStepResponse": Record<string, never>;
        "cim.v1.ResolveDisputeRequest": {
            adjustment?: components["schemas"]["cim.v1.DisputeAdjustment"];
            /** Format: int64 */
            disputeId?: string;
            etag?: string;
            refusal?: components["schemas"]["cim.v1.DisputeRefusal"];
        };
        "cim.v1.RespondToSurveyRequest": {
            comment?: string;
            /** Format: int32 */
            score?: number;
            /** Format: int64 */
            surveyId?: string;
        };
        "cim.v1.RespondToSurveyResponse": {
            /** Format: int32 */
            score?: number;
            /** Format: int64 */
            surveyId?: string;
        };
        "cim.v1.ResubmitClaimRequest": {
            claim?: components["schemas"]["cim.v1.Claim"];
            comment?: string;
        };
        "cim.v1.ReverseLedgerEntryRequest": {
            /** Format: int64 */
            entryId?: string;
            reason?: string;
        };
        "cim.v1.ReviewClaimRequest": {
            /** Format: int64 */
            claimId?: string;
            comment?: string;
            etag?: string;
        };
        "cim.v1.RevokeApiKeyResponse": Record<string, never>;
        "cim.v1.RewardItem": {
            approvalPoints?: string;
            availability?: components["schemas"]["cim.v1.Eligibility"];
            /** Format: date-time */
            createTime?: string;
            description?: string;
            etag?: string;
            gaps?: components["schemas"]["cim.v1.EligibilityGap"][];
            /** Format: int64 */
            id?: string;
            /** Format: int64 */
            imageId?: string;
            /** @enum {string} */
            kind?: "REWARD_ITEM_KIND_UNSPECIFIED" | "REWARD_ITEM_KIND_GIFT_CARD" | "REWARD_ITEM_KIND_MERCHANDISE" | "REWARD_ITEM_KIND_TRAINING_VOUCHER" | "REWARD_ITEM_KIND_EVENT_SEAT" | "REWARD_ITEM_KIND_DONATION";
            lowStock?: boolean;
            /** Format: int64 */
            lowStockThreshold?: string;
            name?: string;
            /** Format: int32 */
            perUserLimit?: number;
            pointsPrice?: string;
            pointsShort?: string;
            /** @enum {string} */
            status?: "REWARD_ITEM_STATUS_UNSPECIFIED" | "REWARD_ITEM_STATUS_ACTIVE" | "REWARD_ITEM_STATUS_RETIRED";
            /** Format: int64 */
            stock?: string;
            unlimitedStock?: boolean;
            /** Format: date-time */
            updateTime?: string;
        };
        "cim.v1.RewardItemImageMetadata": {
            filename?: string;
            /** Format: int64 */
            itemId?: string;
        };
        "cim.v1.RoiFigures": {
            adminCost?: string;
            baselineCogs?: string;
            /** Format: int64 */
            baselineDays?: string;
            baselineSales?: string;
            expectedCogs?: string;
            expectedSales?: string;
            grossProfit?: string;
            incrementalCogs?: string;
            incrementalSales?: string;
            marketingCost?: string;
            netProfit?: string;
            programCogs?: string;
            /** Format: int64 */
            programDays?: string;
            programSales?: string;
            rewardsCost?: string;
            roiPercent?: string;
            totalCost?: string;
            trainingCost?: string;
        };
        "cim.v1.RuleProgress": {
            amountToNextTier?: string;
            amountToTarget?: string;
            currentPercent?: string;
            /** Format: int32 */
            currentTier?: number;
            kind?: string;
            nextStepReward?: string;
            nextStepTrueUp?: string;
            nextTierPercent?: string;
            nextTierVolume?: string;
            periodVolume?: string;
            reached?: boolean;
            rebatePosted?: string;
            ruleId?: string;
            ruleName?: string;
            targetVolume?: string;
            tierUpliftPercent?: string;
        };
        "cim.v1.SegmentPerformance": {
            key?: string;
            label?: string;
            /** Format: int64 */
            partnerCount?: string;
            roi?: components["schemas"]["cim.v1.RoiFigures"];
        };
        "cim.v1.Session": {
            address?: string;
            agent?: string;
            /** Format: date-time */
            createTime?: string;
            current?: boolean;
            /** Format: date-time */
            expireTime?: string;
            /** Format: int64 */
            id?: string;
        };
        "cim.v1.SetKudosBudgetRequest": {
            monthlyPoints?: string;
            /** Format: int64 */
            partnerId?: string;
        };
        "cim.v1.SetLeaderboardPrivacyRequest": {
            showName?: boolean;
        };
        "cim.v1.SetLevelsRequest": {
            levels?: components["schemas"]["cim.v1.Level"][];
        };
        "cim.v1.SetTierLadderRequest": {
            ladder?: components["schemas"]["cim.v1.TierLadder"];
        };
        "cim.v1.SignIn": {
            address?: string;
            agent?: string;
            /** Format: int64 */
            id?: string;
            /** @enum {string} */
            outcome?: "SIGN_IN_OUTCOME_UNSPECIFIED" | "SIGN_IN_OUTCOME_SIGNED_IN" | "SIGN_IN_OUTCOME_REFUSED" | "SIGN_IN_OUTCOME_LOCKED_OUT" | "SIGN_IN_OUTCOME_CODE_REFUSED";
            /** Format: date-time */
            time?: string;
        };
        "cim.v1.SimulatedPartnerRewards": {
            /** Format: int64 */
            claims?: string;
            money?: string;
            /** Format: int64 */
            partnerId?: string;
            partnerName?: string;
            points?: string;
            sales?: string;
        };
        "cim.v1.SimulateProgramRequest": {
            historyEnd?: string;
            historyStart?: string;
            program?: components["schemas"]["cim.v1.Program"];
            /** Format: int64 */
            programId?: string;
            /** @description field paths in lowerCamelCase, comma-separated */
            updateMask?: string;
        };
        "cim.v1.SimulationResult": {
            budget?: string;
            budgetExhaustionDate?: string;
            byPartner?: components["schemas"]["cim.v1.SimulatedPartnerRewards"][];
            /** Format: int64 */
            claimLines?: string;
            /** Format: int64 */
            claims?: string;
            coveredByBudget?: string;
            forecastMoney?: string;
            forecastPoints?: string;
            historyEnd?: string;
            historyStart?: string;
            moneyByRule?: {
                [key: string]: string;
            };
            pointsByRule?: {
                [key: string]: string;
            };
            roi?: components["schemas"]["cim.v1.RoiFigures"];
        };
        "cim.v1.SpifProduct": {
            amountPerUnit?: string;
            sku?: string;
        };
        "cim.v1.SpifRule": {
            endDate?: string;
            products?: components["schemas"]["cim.v1.SpifProduct"][];
            startDate?: string;
        };
        "cim.v1.Statement": {
            /** Format: date-time */
            createTime?: string;
            currencyCode?: string;
            entries?: components["schemas"]["cim.v1.LedgerEntry"][];
            /** Format: int32 */
            entryCount?: number;
            etag?: string;
            /** Format: int64 */
            id?: string;
            /** Format: int64 */
            paidByUserId?: string;
            /** Format: date-time */
            paidTime?: string;
            /** Format: int64 */
            partnerId?: string;
            partnerName?: string;
            paymentReference?: string;
            /** Format: int64 */
            payoutRunId?: string;
            periodEnd?: string;
            periodStart?: string;
            /** @enum {string} */
            status?: "STATEMENT_STATUS_UNSPECIFIED" | "STATEMENT_STATUS_OPEN" | "STATEMENT_STATUS_PAID";
            total?: string;
        };
        "cim.v1.StreakCriterion": {
            /** @enum {string} */
            event?: "RECOGNITION_EVENT_KIND_UNSPECIFIED" | "RECOGNITION_EVENT_KIND_CLAIM_APPROVED" | "RECOGNITION_EVENT_KIND_POINTS_REVERSED" | "RECOGNITION_EVENT_KIND_TRAINING_COMPLETED" | "RECOGNITION_EVENT_KIND_KUDOS_RECEIVED" | "RECOGNITION_EVENT_KIND_CHALLENGE_COMPLETED" | "RECOGNITION_EVENT_KIND_TIER_CHANGED";
            /** Format: int32 */
            months?: number;
        };
        "cim.v1.SubmitClaimRequest": {
            claim?: components["schemas"]["cim.v1.Claim"];
            idempotencyKey?: string;
        };
        "cim.v1.SubmitReimbursementRequest": {
            actualCost?: string;
            attachmentIds?: string[];
            /** Format: int64 */
            fundRequestId?: string;
            notes?: string;
        };
        "cim.v1.Survey": {
            archived?: boolean;
            audience?: components["schemas"]["cim.v1.Audience"];
            /** Format: date-time */
            closeTime?: string;
            commentEnabled?: boolean;
            /** Format: date-time */
            createTime?: string;
            etag?: string;
            /** Format: int64 */
            id?: string;
            /** Format: date-time */
            openTime?: string;
            question?: string;
            responded?: boolean;
            title?: string;
        };
        "cim.v1.SurveyComment": {
            comment?: string;
            partnerName?: string;
            /** @enum {string} */
            partnerType?: "PARTNER_TYPE_UNSPECIFIED" | "PARTNER_TYPE_DISTRIBUTOR" | "PARTNER_TYPE_RESELLER" | "PARTNER_TYPE_DEALER" | "PARTNER_TYPE_BROKER" | "PARTNER_TYPE_AGENT" | "PARTNER_TYPE_MSP";
            region?: string;
            /** Format: date-time */
            respondTime?: string;
            /** Format: int32 */
            score?: number;
        };
        "cim.v1.SurveyResults": {
            byPartnerType?: components["schemas"]["cim.v1.NpsResult"][];
            byRegion?: components["schemas"]["cim.v1.NpsResult"][];
            comments?: components["schemas"]["cim.v1.SurveyComment"][];
            overall?: components["schemas"]["cim.v1.NpsResult"];
            survey?: components["schemas"]["cim.v1.Survey"];
        };
        "cim.v1.Tier": {
            benefits?: string;
            code?: string;
            criteria?: components["schemas"]["cim.v1.TierCriteria"];
            name?: string;
            /** Format: int32 */
            rank?: number;
        };
        "cim.v1.TierAmount": {
            amount?: string;
            tier?: string;
        };
        "cim.v1.TierChange": {
            /** Format: date-time */
            changeTime?: string;
            /** Format: int64 */
            evaluatedBy?: string;
            fromTier?: string;
            /** Format: int64 */
            id?: string;
            /** Format: int64 */
            partnerId?: string;
            partnerName?: string;
            promotion?: boolean;
            reason?: string;
            toTier?: string;
            /** @enum {string} */
            trigger?: "TIER_CHANGE_TRIGGER_UNSPECIFIED" | "TIER_CHANGE_TRIGGER_SCHEDULED" | "TIER_CHANGE_TRIGGER_ON_DEMAND";
        };
        "cim.v1.TierCriteria": {
            certificationCode?: string;
            /** Format: int32 */
            minCertifiedUsers?: number;
            minTrailingPoints?: string;
            minTrailingSales?: string;
        };
        "cim.v1.TierDemotionWarning": {
            /** Format: date-time */
            dropTime?: string;
            expiring?: components["schemas"]["cim.v1.Certification"][];
            rebatesAtRisk?: components["schemas"]["cim.v1.RebateAtRisk"][];
            text?: string;
            wouldDropTo?: components["schemas"]["cim.v1.Tier"];
        };
        "cim.v1.TierGap": {
            /** Format: int32 */
            certifiedUsersNeeded?: number;
            pointsNeeded?: string;
            salesNeeded?: string;
            text?: string;
            tier?: components["schemas"]["cim.v1.Tier"];
        };
        "cim.v1.TierLadder": {
            currencyCode?: string;
            tiers?: components["schemas"]["cim.v1.Tier"][];
            /** Format: date-time */
            updateTime?: string;
        };
        "cim.v1.TrainingCompletion": {
            certification?: components["schemas"]["cim.v1.Certification"];
            /** Format: date-time */
            completeTime?: string;
            externalCompletionId?: string;
            firstCompletion?: boolean;
            /** Format: int64 */
            id?: string;
            /** Format: int64 */
            moduleId?: string;
            /** Format: int64 */
            partnerId?: string;
            pointsAwarded?: string;
            /** Format: int32 */
            quizScore?: number;
            /** Format: int64 */
            userId?: string;
        };
        "cim.v1.TrainingModule": {
            archived?: boolean;
            certificationCode?: string;
            /** Format: int32 */
            certificationValidMonths?: number;
            /** Format: date-time */
            createTime?: string;
            description?: string;
            /** Format: int32 */
            durationMinutes?: number;
            etag?: string;
            /** Format: int64 */
            id?: string;
            /** Format: date-time */
            myLastCompletionTime?: string;
            /** Format: int32 */
            passMark?: number;
            points?: string;
            quizQuestions?: components["schemas"]["cim.v1.QuizQuestion"][];
            title?: string;
        };
        "cim.v1.TurnOffTwoStepRequest": {
            currentPassword?: string;
        };
        "cim.v1.TurnOffTwoStepResponse": Record<string, never>;
        "cim.v1.TwoStep": {
            enabled?: boolean;
            /** Format: date-time */
            enableTime?: string;
            /** Format: int32 */
            recoveryCodesLeft?: number;
            required?: boolean;
        };
        "cim.v1.UnsubscribeResponse": {
            /** @enum {string} */
            category?: "NOTIFICATION_CATEGORY_UNSPECIFIED" | "NOTIFICATION_CATEGORY_CLAIMS" | "NOTIFICATION_CATEGORY_PAYOUTS" | "NOTIFICATION_CATEGORY_ACHIEVEMENTS" | "NOTIFICATION_CATEGORY_TIERS" | "NOTIFICATION_CATEGORY_TRAINING" | "NOTIFICATION_CATEGORY_PROGRAMS" | "NOTIFICATION_CATEGORY_ORDERS" | "NOTIFICATION_CATEGORY_DISPUTES" | "NOTIFICATION_CATEGORY_REVIEW" | "NOTIFICATION_CATEGORY_BUDGETS";
            email?: string;
        };
        "cim.v1.UpdateNotificationSettingsRequest": {
            resetCategories?: ("NOTIFICATION_CATEGORY_UNSPECIFIED" | "NOTIFICATION_CATEGORY_CLAIMS" | "NOTIFICATION_CATEGORY_PAYOUTS" | "NOTIFICATION_CATEGORY_ACHIEVEMENTS" | "NOTIFICATION_CATEGORY_TIERS" | "NOTIFICATION_CATEGORY_TRAINING" | "NOTIFICATION_CATEGORY_PROGRAMS" | "NOTIFICATION_CATEGORY_ORDERS" | "NOTIFICATION_CATEGORY_DISPUTES" | "NOTIFICATION_CATEGORY_REVIEW" | "NOTIFICATION_CATEGORY_BUDGETS")[];
            settings?: components["schemas"]["cim.v1.NotificationSettings"];
            /** @description field paths in lowerCamelCase, comma-separated */
            updateMask?: string;
        };
        "cim.v1.UpdatePartnerNotificationDefaultsRequest": {
            /** Format: int64 */
            partnerId?: string;
            preferences?: components["schemas"]["cim.v1.NotificationPreference"][];
        };
        "cim.v1.User": {
            /** Format: date-time */
            createTime?: string;
            displayName?: string;
            email?: string;
            etag?: string;
            /** Format: int64 */
            id?: string;
            language?: string;
            /** Format: int64 */
            partnerId?: string;
            /** @enum {string} */
            role?: "ROLE_UNSPECIFIED" | "ROLE_PARTNER_REP" | "ROLE_PARTNER_ADMIN" | "ROLE_CHANNEL_MANAGER" | "ROLE_PROGRAM_ADMIN" | "ROLE_FINANCE" | "ROLE_SERVICE_ACCOUNT";
            /** @enum {string} */
            status?: "USER_STATUS_UNSPECIFIED" | "USER_STATUS_ACTIVE" | "USER_STATUS_DISABLED";
            twoStepEnabled?: boolean;
            /** Format: date-time */
            updateTime?: string;
        };
        "cim.v1.VerifyAuditTrailRequest": Record<string, never>;
        "cim.v1.VerifyAuditTrailResponse": {
            /** Format: int64 */
            brokenSeq?: string;
            headHash?: string;
            /** Format: int64 */
            headSeq?: string;
            intact?: boolean;
            problem?: string;
            /** Format: int64 */
            recordsChecked?: string;
        };
        "cim.v1.VoidProgramCostRequest": {
            /** Format: int64 */
            costId?: string;
        };
        "cim.v1.WithdrawDisputeRequest": {
            /** Format: int64 */
            disputeId?: string;
            reason?: string;
        };
        Error: {
            /** @description the gRPC status code */
            code?: number;
            /** @description google.rpc error details as JSON (e.g. google.rpc.BadRequest with fieldViolations) */
            details?: Record<string, never>[];
            message?: string;
            requestId?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuthService_ListApiKeys: {
        parameters: {
            query?: {
                pageSize?: number;
                pageToken?: string;
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListApiKeysResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthService_RevokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.RevokeApiKeyResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ClaimService_UploadAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["cim.v1.AttachmentMetadata"] & {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Attachment"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ClaimService_DownloadAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attachment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, with its Content-Type and Content-Disposition */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuditService_ListAuditRecords: {
        parameters: {
            query?: {
                actorPartnerId?: string;
                actorUserId?: string;
                entityId?: string;
                entityType?: string;
                fromTime?: string;
                pageSize?: number;
                pageToken?: string;
                requestId?: string;
                rpc?: string;
                toTime?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListAuditRecordsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuditService_VerifyAuditTrail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.VerifyAuditTrailRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.VerifyAuditTrailResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthService_Login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.LoginRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.LoginResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthService_Logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.LogoutRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.LogoutResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthService_WhoAmI: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Principal"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthService_ChangePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ChangePasswordResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthService_RequestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.RequestPasswordResetRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.RequestPasswordResetResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthService_ResetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.ResetPasswordRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ResetPasswordResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthService_ListSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListSessionsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthService_EndSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.EndSessionResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthService_ListSignIns: {
        parameters: {
            query?: {
                pageSize?: number;
                pageToken?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListSignInsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthService_GetTwoStep: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.TwoStep"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthService_BeginTwoStep: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.BeginTwoStepRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.BeginTwoStepResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthService_ConfirmTwoStep: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.ConfirmTwoStepRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ConfirmTwoStepResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthService_RenewRecoveryCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.RenewRecoveryCodesRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.RenewRecoveryCodesResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthService_TurnOffTwoStep: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.TurnOffTwoStepRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.TurnOffTwoStepResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_ListBadges: {
        parameters: {
            query?: {
                includeArchived?: boolean;
                pageSize?: number;
                pageToken?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListBadgesResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_CreateBadge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.Badge"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Badge"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_UpdateBadge: {
        parameters: {
            query?: {
                updateMask?: string;
            };
            header?: never;
            path: {
                "badge.id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.Badge"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Badge"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    LedgerService_GetBalance: {
        parameters: {
            query?: {
                partnerId?: string;
                programId?: string;
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.GetBalanceResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_ListCertifications: {
        parameters: {
            query?: {
                expiringWithinDays?: number;
                includeExpired?: boolean;
                pageSize?: number;
                pageToken?: string;
                partnerId?: string;
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListCertificationsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    EngagementService_ListChallenges: {
        parameters: {
            query?: {
                includeArchived?: boolean;
                includeEnded?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListChallengesResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    EngagementService_CreateChallenge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.Challenge"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Challenge"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    EngagementService_UpdateChallenge: {
        parameters: {
            query?: {
                updateMask?: string;
            };
            header?: never;
            path: {
                "challenge.id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.Challenge"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Challenge"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ClaimService_ListClaims: {
        parameters: {
            query?: {
                flaggedOnly?: boolean;
                pageSize?: number;
                pageToken?: string;
                partnerId?: string;
                programId?: string;
                status?: "CLAIM_STATUS_UNSPECIFIED" | "CLAIM_STATUS_SUBMITTED" | "CLAIM_STATUS_IN_REVIEW" | "CLAIM_STATUS_APPROVED" | "CLAIM_STATUS_REJECTED" | "CLAIM_STATUS_NEEDS_INFO" | "CLAIM_STATUS_PAID";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListClaimsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ClaimService_SubmitClaim: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.SubmitClaimRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Claim"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ExportService_ExportClaims: {
        parameters: {
            query?: {
                fromDate?: string;
                partnerId?: string;
                programId?: string;
                status?: "CLAIM_STATUS_UNSPECIFIED" | "CLAIM_STATUS_SUBMITTED" | "CLAIM_STATUS_IN_REVIEW" | "CLAIM_STATUS_APPROVED" | "CLAIM_STATUS_REJECTED" | "CLAIM_STATUS_NEEDS_INFO" | "CLAIM_STATUS_PAID";
                toDate?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, with its Content-Type and Content-Disposition */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ClaimService_WatchClaimEvents: {
        parameters: {
            query?: {
                afterEventId?: string;
                claimId?: string;
                programId?: string;
            };
            header?: {
                /** @description a reconnecting client's last event id: sets after_event_id */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events: each event's data is one message (x-event-schema) as JSON; ': heartbeat' comments keep the stream alive; a late error arrives as 'event: error' with the error body */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ClaimService_GetClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Claim"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ClaimService_ApproveClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.ReviewClaimRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Claim"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ClaimService_RejectClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.ReviewClaimRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Claim"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ClaimService_RequestClaimInfo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.ReviewClaimRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Claim"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ClaimService_StartClaimReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.ReviewClaimRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Claim"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ClaimService_ResubmitClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "claim.id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.ResubmitClaimRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Claim"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DisputeService_ListDisputes: {
        parameters: {
            query?: {
                pageSize?: number;
                pageToken?: string;
                partnerId?: string;
                programId?: string;
                state?: "DISPUTE_STATE_UNSPECIFIED" | "DISPUTE_STATE_OPEN" | "DISPUTE_STATE_ADJUSTED" | "DISPUTE_STATE_REFUSED" | "DISPUTE_STATE_WITHDRAWN";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListDisputesResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DisputeService_OpenDispute: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.OpenDisputeRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Dispute"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DisputeService_GetDispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dispute_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Dispute"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DisputeService_ResolveDispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dispute_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.ResolveDisputeRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Dispute"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DisputeService_WithdrawDispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dispute_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.WithdrawDisputeRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Dispute"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DisputeService_PostDisputeMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dispute_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.PostDisputeMessageRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Dispute"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_ListEnrollments: {
        parameters: {
            query?: {
                pageSize?: number;
                pageToken?: string;
                partnerId?: string;
                programId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListEnrollmentsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    EngagementService_ListFeed: {
        parameters: {
            query?: {
                pageSize?: number;
                pageToken?: string;
                partnerId?: string;
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListFeedResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    EngagementService_PostSpotlight: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.PostSpotlightRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.FeedEntry"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    FundService_ListFundRequests: {
        parameters: {
            query?: {
                pageSize?: number;
                pageToken?: string;
                partnerId?: string;
                programId?: string;
                status?: "FUND_REQUEST_STATUS_UNSPECIFIED" | "FUND_REQUEST_STATUS_SUBMITTED" | "FUND_REQUEST_STATUS_APPROVED" | "FUND_REQUEST_STATUS_REJECTED" | "FUND_REQUEST_STATUS_CLAIMED" | "FUND_REQUEST_STATUS_REIMBURSED" | "FUND_REQUEST_STATUS_CANCELLED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListFundRequestsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    FundService_CreateFundRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.FundRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.FundRequest"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    FundService_GetFundRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fund_request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.FundRequest"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    FundService_ApproveFundRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fund_request_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.DecideFundRequestRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.FundRequest"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    FundService_CancelFundRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fund_request_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.DecideFundRequestRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.FundRequest"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    FundService_SubmitReimbursement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fund_request_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.SubmitReimbursementRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.FundRequest"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    FundService_ApproveReimbursement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fund_request_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.DecideFundRequestRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.FundRequest"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    FundService_RejectFundRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fund_request_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.DecideFundRequestRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.FundRequest"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    FundService_RejectReimbursement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fund_request_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.DecideFundRequestRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.FundRequest"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    FundService_ListFunds: {
        parameters: {
            query?: {
                partnerId?: string;
                programId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListFundsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    EngagementService_GiveKudos: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.GiveKudosRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Kudos"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    EngagementService_GetKudosBudget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partner_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.KudosBudget"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    EngagementService_SetKudosBudget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partner_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.SetKudosBudgetRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.KudosBudget"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_ListLeaderboards: {
        parameters: {
            query?: {
                includeArchived?: boolean;
                programId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListLeaderboardsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_CreateLeaderboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.Leaderboard"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Leaderboard"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_WatchLeaderboard: {
        parameters: {
            query?: {
                around?: number;
                partnerType?: "PARTNER_TYPE_UNSPECIFIED" | "PARTNER_TYPE_DISTRIBUTOR" | "PARTNER_TYPE_RESELLER" | "PARTNER_TYPE_DEALER" | "PARTNER_TYPE_BROKER" | "PARTNER_TYPE_AGENT" | "PARTNER_TYPE_MSP";
                period?: string;
                region?: string;
                tier?: string;
                top?: number;
            };
            header?: never;
            path: {
                leaderboard_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events: each event's data is one message (x-event-schema) as JSON; ': heartbeat' comments keep the stream alive; a late error arrives as 'event: error' with the error body */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_GetLeaderboard: {
        parameters: {
            query?: {
                around?: number;
                partnerType?: "PARTNER_TYPE_UNSPECIFIED" | "PARTNER_TYPE_DISTRIBUTOR" | "PARTNER_TYPE_RESELLER" | "PARTNER_TYPE_DEALER" | "PARTNER_TYPE_BROKER" | "PARTNER_TYPE_AGENT" | "PARTNER_TYPE_MSP";
                period?: string;
                region?: string;
                tier?: string;
                top?: number;
            };
            header?: never;
            path: {
                /** @description sets leaderboard_id */
                "leaderboard.id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.GetLeaderboardResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_UpdateLeaderboard: {
        parameters: {
            query?: {
                updateMask?: string;
            };
            header?: never;
            path: {
                "leaderboard.id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.Leaderboard"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Leaderboard"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    LedgerService_ListLedgerEntries: {
        parameters: {
            query?: {
                account?: "LEDGER_ACCOUNT_UNSPECIFIED" | "LEDGER_ACCOUNT_PAYABLE" | "LEDGER_ACCOUNT_POINTS" | "LEDGER_ACCOUNT_COOP_FUND" | "LEDGER_ACCOUNT_MDF_FUND";
                claimId?: string;
                kind?: "LEDGER_ENTRY_KIND_UNSPECIFIED" | "LEDGER_ENTRY_KIND_REBATE" | "LEDGER_ENTRY_KIND_REBATE_TRUE_UP" | "LEDGER_ENTRY_KIND_SPIF" | "LEDGER_ENTRY_KIND_BONUS" | "LEDGER_ENTRY_KIND_GROWTH" | "LEDGER_ENTRY_KIND_POINTS" | "LEDGER_ENTRY_KIND_COOP_ACCRUAL" | "LEDGER_ENTRY_KIND_MDF_ALLOCATION" | "LEDGER_ENTRY_KIND_REIMBURSEMENT" | "LEDGER_ENTRY_KIND_PAYOUT" | "LEDGER_ENTRY_KIND_REVERSAL" | "LEDGER_ENTRY_KIND_REDEMPTION" | "LEDGER_ENTRY_KIND_ADJUSTMENT" | "LEDGER_ENTRY_KIND_TIER_UPLIFT";
                pageSize?: number;
                pageToken?: string;
                partnerId?: string;
                programId?: string;
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListLedgerEntriesResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ExportService_ExportLedger: {
        parameters: {
            query?: {
                fromDate?: string;
                partnerId?: string;
                programId?: string;
                toDate?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, with its Content-Type and Content-Disposition */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    LedgerService_ReverseLedgerEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entry_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.ReverseLedgerEntryRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.LedgerEntry"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_ListLevels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListLevelsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_SetLevels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.SetLevelsRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListLevelsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    NotificationService_GetNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.NotificationSettings"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    NotificationService_UpdateNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.UpdateNotificationSettingsRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.NotificationSettings"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    NotificationService_ListNotifications: {
        parameters: {
            query?: {
                pageSize?: number;
                pageToken?: string;
                unreadOnly?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListNotificationsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    NotificationService_MarkNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.MarkNotificationsReadRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.MarkNotificationsReadResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    NotificationService_WatchNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events: each event's data is one message (x-event-schema) as JSON; ': heartbeat' comments keep the stream alive; a late error arrives as 'event: error' with the error body */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PartnerService_ListPartners: {
        parameters: {
            query?: {
                nameContains?: string;
                pageSize?: number;
                pageToken?: string;
                parentPartnerId?: string;
                region?: string;
                status?: "PARTNER_STATUS_UNSPECIFIED" | "PARTNER_STATUS_ACTIVE" | "PARTNER_STATUS_SUSPENDED";
                tier?: string;
                type?: "PARTNER_TYPE_UNSPECIFIED" | "PARTNER_TYPE_DISTRIBUTOR" | "PARTNER_TYPE_RESELLER" | "PARTNER_TYPE_DEALER" | "PARTNER_TYPE_BROKER" | "PARTNER_TYPE_AGENT" | "PARTNER_TYPE_MSP";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListPartnersResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PartnerService_CreatePartner: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.Partner"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Partner"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PartnerService_GetPartner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partner_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Partner"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PartnerService_UpdatePartner: {
        parameters: {
            query?: {
                updateMask?: string;
            };
            header?: never;
            path: {
                /** @description sets partner.id */
                partner_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.Partner"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Partner"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    NotificationService_GetPartnerNotificationDefaults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partner_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.PartnerNotificationDefaults"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    NotificationService_UpdatePartnerNotificationDefaults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partner_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.UpdatePartnerNotificationDefaultsRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.PartnerNotificationDefaults"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PayoutService_CreatePayoutRun: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.CreatePayoutRunRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.PayoutRun"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_ListProducts: {
        parameters: {
            query?: {
                category?: string;
                pageSize?: number;
                pageToken?: string;
                query?: string;
                status?: "PRODUCT_STATUS_UNSPECIFIED" | "PRODUCT_STATUS_ACTIVE" | "PRODUCT_STATUS_RETIRED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListProductsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_CreateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.Product"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Product"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_ImportProducts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.ImportProductsRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ImportProductsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_ImportProductsFromCsv: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.ImportProductsFromCsvRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ImportProductsFromCsvResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_GetProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                product_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Product"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_UpdateProduct: {
        parameters: {
            query?: {
                updateMask?: string;
            };
            header?: never;
            path: {
                /** @description sets product.id */
                product_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.Product"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Product"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PerformanceService_VoidProgramCost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cost_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.VoidProgramCostRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ProgramCost"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PerformanceService_ListProgramPerformance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListProgramPerformanceResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_ListPrograms: {
        parameters: {
            query?: {
                nameContains?: string;
                pageSize?: number;
                pageToken?: string;
                status?: "PROGRAM_STATUS_UNSPECIFIED" | "PROGRAM_STATUS_DRAFT" | "PROGRAM_STATUS_ACTIVE" | "PROGRAM_STATUS_PAUSED" | "PROGRAM_STATUS_CLOSED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListProgramsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_CreateProgram: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.Program"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Program"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PerformanceService_SimulateProgram: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.SimulateProgramRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.SimulationResult"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_GetProgram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                program_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Program"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_UpdateProgram: {
        parameters: {
            query?: {
                updateMask?: string;
            };
            header?: never;
            path: {
                /** @description sets program.id */
                program_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.Program"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Program"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_ActivateProgram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                program_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.ChangeProgramStatusRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Program"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_CloseProgram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                program_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.ChangeProgramStatusRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Program"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_PauseProgram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                program_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.ChangeProgramStatusRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Program"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PerformanceService_ListProgramCosts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                program_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListProgramCostsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PerformanceService_AddProgramCost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                program_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.AddProgramCostRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ProgramCost"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_CheckEligibility: {
        parameters: {
            query?: {
                partnerId?: string;
            };
            header?: never;
            path: {
                program_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.CheckEligibilityResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_EnrollPartner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                program_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.EnrollPartnerRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Enrollment"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_AcceptProgramTerms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                program_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.AcceptProgramTermsRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Enrollment"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PerformanceService_GetProgramPerformance: {
        parameters: {
            query?: {
                baselineEnd?: string;
                baselineStart?: string;
            };
            header?: never;
            path: {
                program_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ProgramPerformance"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ExportService_ExportProgramPerformance: {
        parameters: {
            query?: {
                baselineEnd?: string;
                baselineStart?: string;
            };
            header?: never;
            path: {
                program_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, with its Content-Type and Content-Disposition */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_GetPartnerProgress: {
        parameters: {
            query?: {
                partnerId?: string;
            };
            header?: never;
            path: {
                program_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.PartnerProgress"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_ListProgramTermsVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                program_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListProgramTermsVersionsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProgramService_ListProgramRulesVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                program_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListProgramRulesVersionsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_ListUserBadges: {
        parameters: {
            query?: {
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListUserBadgesResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_SetLeaderboardPrivacy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.SetLeaderboardPrivacyRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.RecognitionSummary"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_GetRecognitionSummary: {
        parameters: {
            query?: {
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.RecognitionSummary"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_WatchProgress: {
        parameters: {
            query?: {
                leaderboardIds?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events: each event's data is one message (x-event-schema) as JSON; ': heartbeat' comments keep the stream alive; a late error arrives as 'event: error' with the error body */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RedemptionService_ListRedemptionOrders: {
        parameters: {
            query?: {
                itemId?: string;
                pageSize?: number;
                pageToken?: string;
                partnerId?: string;
                status?: "REDEMPTION_ORDER_STATUS_UNSPECIFIED" | "REDEMPTION_ORDER_STATUS_PLACED" | "REDEMPTION_ORDER_STATUS_APPROVED" | "REDEMPTION_ORDER_STATUS_FULFILLED" | "REDEMPTION_ORDER_STATUS_DELIVERED" | "REDEMPTION_ORDER_STATUS_CANCELLED" | "REDEMPTION_ORDER_STATUS_REFUSED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListRedemptionOrdersResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RedemptionService_PlaceRedemptionOrder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.PlaceRedemptionOrderRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.RedemptionOrder"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RedemptionService_FulfilRedemptionOrdersFromCsv: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.FulfilRedemptionOrdersFromCsvRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.FulfilRedemptionOrdersFromCsvResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RedemptionService_GetRedemptionOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.RedemptionOrder"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RedemptionService_ApproveRedemptionOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.RedemptionOrderActionRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.RedemptionOrder"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RedemptionService_CancelRedemptionOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.RedemptionOrderActionRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.RedemptionOrder"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RedemptionService_MarkRedemptionOrderDelivered: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.RedemptionOrderActionRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.RedemptionOrder"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RedemptionService_FulfilRedemptionOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.RedemptionOrderActionRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.RedemptionOrder"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RedemptionService_RefuseRedemptionOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.RedemptionOrderActionRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.RedemptionOrder"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RedemptionService_UploadRewardItemImage: {
        parameters: {
            query?: {
                chunk?: string;
                "metadata.filename"?: string;
                "metadata.itemId"?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["cim.v1.RewardItemImageMetadata"] & {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.RewardItem"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RedemptionService_DownloadRewardItemImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                image_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, with its Content-Type and Content-Disposition */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RedemptionService_ListRewardItems: {
        parameters: {
            query?: {
                includeRetired?: boolean;
                lowStockOnly?: boolean;
                pageSize?: number;
                pageToken?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListRewardItemsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RedemptionService_CreateRewardItem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.RewardItem"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.RewardItem"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RedemptionService_AdjustRewardItemStock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                item_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.AdjustRewardItemStockRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.RewardItem"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RedemptionService_GetRewardItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description sets item_id */
                "item.id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.RewardItem"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RedemptionService_UpdateRewardItem: {
        parameters: {
            query?: {
                updateMask?: string;
            };
            header?: never;
            path: {
                "item.id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.RewardItem"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.RewardItem"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PayoutService_ListStatements: {
        parameters: {
            query?: {
                fromDate?: string;
                pageSize?: number;
                pageToken?: string;
                partnerId?: string;
                payoutRunId?: string;
                programId?: string;
                status?: "STATEMENT_STATUS_UNSPECIFIED" | "STATEMENT_STATUS_OPEN" | "STATEMENT_STATUS_PAID";
                toDate?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListStatementsResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ExportService_ExportStatements: {
        parameters: {
            query?: {
                fromDate?: string;
                partnerId?: string;
                toDate?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, with its Content-Type and Content-Disposition */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PayoutService_GetStatement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                statement_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Statement"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PayoutService_ExportStatement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                statement_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ExportStatementResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PayoutService_MarkStatementPaid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                statement_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.MarkStatementPaidRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Statement"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    EngagementService_ListSurveys: {
        parameters: {
            query?: {
                includeArchived?: boolean;
                openOnly?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListSurveysResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    EngagementService_CreateSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.Survey"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Survey"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    EngagementService_RespondToSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                survey_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.RespondToSurveyRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.RespondToSurveyResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    EngagementService_GetSurveyResults: {
        parameters: {
            query?: {
                partnerId?: string;
            };
            header?: never;
            path: {
                survey_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.SurveyResults"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    EngagementService_UpdateSurvey: {
        parameters: {
            query?: {
                updateMask?: string;
            };
            header?: never;
            path: {
                "survey.id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.Survey"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.Survey"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TierService_ListTierChanges: {
        parameters: {
            query?: {
                pageSize?: number;
                pageToken?: string;
                partnerId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListTierChangesResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TierService_GetTierLadder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.TierLadder"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TierService_SetTierLadder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.SetTierLadderRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.TierLadder"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TierService_EvaluateTiers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.EvaluateTiersRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.EvaluateTiersResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TierService_GetPartnerTierStatus: {
        parameters: {
            query?: {
                partnerId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.PartnerTierStatus"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_ListTrainingModules: {
        parameters: {
            query?: {
                includeArchived?: boolean;
                pageSize?: number;
                pageToken?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListTrainingModulesResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_CreateTrainingModule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.TrainingModule"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.TrainingModule"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_CompleteTraining: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                module_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.CompleteTrainingRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.TrainingCompletion"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RecognitionService_UpdateTrainingModule: {
        parameters: {
            query?: {
                updateMask?: string;
            };
            header?: never;
            path: {
                "training_module.id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.TrainingModule"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.TrainingModule"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    NotificationService_Unsubscribe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.UnsubscribeResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PartnerService_ListUsers: {
        parameters: {
            query?: {
                ids?: string[];
                pageSize?: number;
                pageToken?: string;
                partnerId?: string;
                query?: string;
                role?: "ROLE_UNSPECIFIED" | "ROLE_PARTNER_REP" | "ROLE_PARTNER_ADMIN" | "ROLE_CHANNEL_MANAGER" | "ROLE_PROGRAM_ADMIN" | "ROLE_FINANCE" | "ROLE_SERVICE_ACCOUNT";
                status?: "USER_STATUS_UNSPECIFIED" | "USER_STATUS_ACTIVE" | "USER_STATUS_DISABLED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ListUsersResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PartnerService_CreateUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.CreateUserRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.User"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PartnerService_InviteUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.InviteUserRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.User"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PartnerService_GetUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.User"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PartnerService_UpdateUser: {
        parameters: {
            query?: {
                updateMask?: string;
            };
            header?: never;
            path: {
                /** @description sets user.id */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.User"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.User"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthService_ResetTwoStep: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.ResetTwoStepRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.ResetTwoStepResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthService_IssueApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["cim.v1.IssueApiKeyRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["cim.v1.IssueApiKeyResponse"];
                };
            };
            /** @description An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, 429 with Retry-After, 503, 504, ...) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}

// The cim.v1 messages by their short names.
export type AcceptProgramTermsRequest = components['schemas']['cim.v1.AcceptProgramTermsRequest'];
export type AddProgramCostRequest = components['schemas']['cim.v1.AddProgramCostRequest'];
export type AdjustRewardItemStockRequest = components['schemas']['cim.v1.AdjustRewardItemStockRequest'];
export type ApiKey = components['schemas']['cim.v1.ApiKey'];
export type Attachment = components['schemas']['cim.v1.Attachment'];
export type AttachmentMetadata = components['schemas']['cim.v1.AttachmentMetadata'];
export type Audience = components['schemas']['cim.v1.Audience'];
export type AuditRecord = components['schemas']['cim.v1.AuditRecord'];
export type Badge = components['schemas']['cim.v1.Badge'];
export type BadgeCriteria = components['schemas']['cim.v1.BadgeCriteria'];
export type BadgeStatus = components['schemas']['cim.v1.BadgeStatus'];
export type Balance = components['schemas']['cim.v1.Balance'];
export type BeginTwoStepRequest = components['schemas']['cim.v1.BeginTwoStepRequest'];
export type BeginTwoStepResponse = components['schemas']['cim.v1.BeginTwoStepResponse'];
export type BoardRank = components['schemas']['cim.v1.BoardRank'];
export type BonusRule = components['schemas']['cim.v1.BonusRule'];
export type BudgetBurn = components['schemas']['cim.v1.BudgetBurn'];
export type BudgetPoint = components['schemas']['cim.v1.BudgetPoint'];
export type Certification = components['schemas']['cim.v1.Certification'];
export type CertificationCriterion = components['schemas']['cim.v1.CertificationCriterion'];
export type Challenge = components['schemas']['cim.v1.Challenge'];
export type ChallengeCompletedCriterion = components['schemas']['cim.v1.ChallengeCompletedCriterion'];
export type ChallengeGoal = components['schemas']['cim.v1.ChallengeGoal'];
export type ChallengeProgress = components['schemas']['cim.v1.ChallengeProgress'];
export type ChangePasswordRequest = components['schemas']['cim.v1.ChangePasswordRequest'];
export type ChangePasswordResponse = components['schemas']['cim.v1.ChangePasswordResponse'];
export type ChangeProgramStatusRequest = components['schemas']['cim.v1.ChangeProgramStatusRequest'];
export type CheckEligibilityResponse = components['schemas']['cim.v1.CheckEligibilityResponse'];
export type Claim = components['schemas']['cim.v1.Claim'];
export type ClaimEvent = components['schemas']['cim.v1.ClaimEvent'];
export type ClaimEventNotice = components['schemas']['cim.v1.ClaimEventNotice'];
export type ClaimFlagDetail = components['schemas']['cim.v1.ClaimFlagDetail'];
export type ClaimLine = components['schemas']['cim.v1.ClaimLine'];
export type ClaimsFunnel = components['schemas']['cim.v1.ClaimsFunnel'];
export type CompleteTrainingRequest = components['schemas']['cim.v1.CompleteTrainingRequest'];
export type ConfirmTwoStepRequest = components['schemas']['cim.v1.ConfirmTwoStepRequest'];
export type ConfirmTwoStepResponse = components['schemas']['cim.v1.ConfirmTwoStepResponse'];
export type CoopAccrualRule = components['schemas']['cim.v1.CoopAccrualRule'];
export type CreatePayoutRunRequest = components['schemas']['cim.v1.CreatePayoutRunRequest'];
export type CreateUserRequest = components['schemas']['cim.v1.CreateUserRequest'];
export type CsvFulfilmentRow = components['schemas']['cim.v1.CsvFulfilmentRow'];
export type CsvProblem = components['schemas']['cim.v1.CsvProblem'];
export type CsvProductRow = components['schemas']['cim.v1.CsvProductRow'];
export type DecideFundRequestRequest = components['schemas']['cim.v1.DecideFundRequestRequest'];
export type Dispute = components['schemas']['cim.v1.Dispute'];
export type DisputeAdjustment = components['schemas']['cim.v1.DisputeAdjustment'];
export type DisputeMessage = components['schemas']['cim.v1.DisputeMessage'];
export type DisputeRefusal = components['schemas']['cim.v1.DisputeRefusal'];
export type DisputeSubject = components['schemas']['cim.v1.DisputeSubject'];
export type Eligibility = components['schemas']['cim.v1.Eligibility'];
export type EligibilityGap = components['schemas']['cim.v1.EligibilityGap'];
export type EndSessionResponse = components['schemas']['cim.v1.EndSessionResponse'];
export type EnrollPartnerRequest = components['schemas']['cim.v1.EnrollPartnerRequest'];
export type Enrollment = components['schemas']['cim.v1.Enrollment'];
export type EvaluateTiersRequest = components['schemas']['cim.v1.EvaluateTiersRequest'];
export type EvaluateTiersResponse = components['schemas']['cim.v1.EvaluateTiersResponse'];
export type EventCountCriterion = components['schemas']['cim.v1.EventCountCriterion'];
export type ExportStatementResponse = components['schemas']['cim.v1.ExportStatementResponse'];
export type FeedEntry = components['schemas']['cim.v1.FeedEntry'];
export type FulfilRedemptionOrdersFromCsvRequest = components['schemas']['cim.v1.FulfilRedemptionOrdersFromCsvRequest'];
export type FulfilRedemptionOrdersFromCsvResponse = components['schemas']['cim.v1.FulfilRedemptionOrdersFromCsvResponse'];
export type FundBalance = components['schemas']['cim.v1.FundBalance'];
export type FundRequest = components['schemas']['cim.v1.FundRequest'];
export type FundRequestEvent = components['schemas']['cim.v1.FundRequestEvent'];
export type GetBalanceResponse = components['schemas']['cim.v1.GetBalanceResponse'];
export type GetLeaderboardResponse = components['schemas']['cim.v1.GetLeaderboardResponse'];
export type GiveKudosRequest = components['schemas']['cim.v1.GiveKudosRequest'];
export type GrowthRule = components['schemas']['cim.v1.GrowthRule'];
export type ImportProductsFromCsvRequest = components['schemas']['cim.v1.ImportProductsFromCsvRequest'];
export type ImportProductsFromCsvResponse = components['schemas']['cim.v1.ImportProductsFromCsvResponse'];
export type ImportProductsRequest = components['schemas']['cim.v1.ImportProductsRequest'];
export type ImportProductsResponse = components['schemas']['cim.v1.ImportProductsResponse'];
export type IncentiveRule = components['schemas']['cim.v1.IncentiveRule'];
export type InviteUserRequest = components['schemas']['cim.v1.InviteUserRequest'];
export type IssueApiKeyRequest = components['schemas']['cim.v1.IssueApiKeyRequest'];
export type IssueApiKeyResponse = components['schemas']['cim.v1.IssueApiKeyResponse'];
export type Kudos = components['schemas']['cim.v1.Kudos'];
export type KudosBudget = components['schemas']['cim.v1.KudosBudget'];
export type Leaderboard = components['schemas']['cim.v1.Leaderboard'];
export type LeaderboardRow = components['schemas']['cim.v1.LeaderboardRow'];
export type LedgerEntry = components['schemas']['cim.v1.LedgerEntry'];
export type Level = components['schemas']['cim.v1.Level'];
export type LevelProgress = components['schemas']['cim.v1.LevelProgress'];
export type ListApiKeysResponse = components['schemas']['cim.v1.ListApiKeysResponse'];
export type ListAuditRecordsResponse = components['schemas']['cim.v1.ListAuditRecordsResponse'];
export type ListBadgesResponse = components['schemas']['cim.v1.ListBadgesResponse'];
export type ListCertificationsResponse = components['schemas']['cim.v1.ListCertificationsResponse'];
export type ListChallengesResponse = components['schemas']['cim.v1.ListChallengesResponse'];
export type ListClaimsResponse = components['schemas']['cim.v1.ListClaimsResponse'];
export type ListDisputesResponse = components['schemas']['cim.v1.ListDisputesResponse'];
export type ListEnrollmentsResponse = components['schemas']['cim.v1.ListEnrollmentsResponse'];
export type ListFeedResponse = components['schemas']['cim.v1.ListFeedResponse'];
export type ListFundRequestsResponse = components['schemas']['cim.v1.ListFundRequestsResponse'];
export type ListFundsResponse = components['schemas']['cim.v1.ListFundsResponse'];
export type ListLeaderboardsResponse = components['schemas']['cim.v1.ListLeaderboardsResponse'];
export type ListLedgerEntriesResponse = components['schemas']['cim.v1.ListLedgerEntriesResponse'];
export type ListLevelsResponse = components['schemas']['cim.v1.ListLevelsResponse'];
export type ListNotificationsResponse = components['schemas']['cim.v1.ListNotificationsResponse'];
export type ListPartnersResponse = components['schemas']['cim.v1.ListPartnersResponse'];
export type ListProductsResponse = components['schemas']['cim.v1.ListProductsResponse'];
export type ListProgramCostsResponse = components['schemas']['cim.v1.ListProgramCostsResponse'];
export type ListProgramPerformanceResponse = components['schemas']['cim.v1.ListProgramPerformanceResponse'];
export type ListProgramRulesVersionsResponse = components['schemas']['cim.v1.ListProgramRulesVersionsResponse'];
export type ListProgramTermsVersionsResponse = components['schemas']['cim.v1.ListProgramTermsVersionsResponse'];
export type ListProgramsResponse = components['schemas']['cim.v1.ListProgramsResponse'];
export type ListRedemptionOrdersResponse = components['schemas']['cim.v1.ListRedemptionOrdersResponse'];
export type ListRewardItemsResponse = components['schemas']['cim.v1.ListRewardItemsResponse'];
export type ListSessionsResponse = components['schemas']['cim.v1.ListSessionsResponse'];
export type ListSignInsResponse = components['schemas']['cim.v1.ListSignInsResponse'];
export type ListStatementsResponse = components['schemas']['cim.v1.ListStatementsResponse'];
export type ListSurveysResponse = components['schemas']['cim.v1.ListSurveysResponse'];
export type ListTierChangesResponse = components['schemas']['cim.v1.ListTierChangesResponse'];
export type ListTrainingModulesResponse = components['schemas']['cim.v1.ListTrainingModulesResponse'];
export type ListUserBadgesResponse = components['schemas']['cim.v1.ListUserBadgesResponse'];
export type ListUsersResponse = components['schemas']['cim.v1.ListUsersResponse'];
export type LoginRequest = components['schemas']['cim.v1.LoginRequest'];
export type LoginResponse = components['schemas']['cim.v1.LoginResponse'];
export type LogoutRequest = components['schemas']['cim.v1.LogoutRequest'];
export type LogoutResponse = components['schemas']['cim.v1.LogoutResponse'];
export type MarkNotificationsReadRequest = components['schemas']['cim.v1.MarkNotificationsReadRequest'];
export type MarkNotificationsReadResponse = components['schemas']['cim.v1.MarkNotificationsReadResponse'];
export type MarkStatementPaidRequest = components['schemas']['cim.v1.MarkStatementPaidRequest'];
export type MdfAllocationRule = components['schemas']['cim.v1.MdfAllocationRule'];
export type ModuleCompletedCriterion = components['schemas']['cim.v1.ModuleCompletedCriterion'];
export type Notification = components['schemas']['cim.v1.Notification'];
export type NotificationPreference = components['schemas']['cim.v1.NotificationPreference'];
export type NotificationSettings = components['schemas']['cim.v1.NotificationSettings'];
export type NotificationsUpdate = components['schemas']['cim.v1.NotificationsUpdate'];
export type NpsResult = components['schemas']['cim.v1.NpsResult'];
export type OpenDisputeRequest = components['schemas']['cim.v1.OpenDisputeRequest'];
export type Partner = components['schemas']['cim.v1.Partner'];
export type PartnerNotificationDefaults = components['schemas']['cim.v1.PartnerNotificationDefaults'];
export type PartnerProgress = components['schemas']['cim.v1.PartnerProgress'];
export type PartnerTierStatus = components['schemas']['cim.v1.PartnerTierStatus'];
export type PartnerTierUplift = components['schemas']['cim.v1.PartnerTierUplift'];
export type PayoutRun = components['schemas']['cim.v1.PayoutRun'];
export type PeriodSumCriterion = components['schemas']['cim.v1.PeriodSumCriterion'];
export type PlaceRedemptionOrderRequest = components['schemas']['cim.v1.PlaceRedemptionOrderRequest'];
export type PlacementCriterion = components['schemas']['cim.v1.PlacementCriterion'];
export type PointsRule = components['schemas']['cim.v1.PointsRule'];
export type PostDisputeMessageRequest = components['schemas']['cim.v1.PostDisputeMessageRequest'];
export type PostSpotlightRequest = components['schemas']['cim.v1.PostSpotlightRequest'];
export type Principal = components['schemas']['cim.v1.Principal'];
export type Product = components['schemas']['cim.v1.Product'];
export type Program = components['schemas']['cim.v1.Program'];
export type ProgramCost = components['schemas']['cim.v1.ProgramCost'];
export type ProgramDisputes = components['schemas']['cim.v1.ProgramDisputes'];
export type ProgramEngagement = components['schemas']['cim.v1.ProgramEngagement'];
export type ProgramPerformance = components['schemas']['cim.v1.ProgramPerformance'];
export type ProgramRulesVersion = components['schemas']['cim.v1.ProgramRulesVersion'];
export type ProgramTarget = components['schemas']['cim.v1.ProgramTarget'];
export type ProgramTermsVersion = components['schemas']['cim.v1.ProgramTermsVersion'];
export type ProgressUpdate = components['schemas']['cim.v1.ProgressUpdate'];
export type QuizAnswer = components['schemas']['cim.v1.QuizAnswer'];
export type QuizQuestion = components['schemas']['cim.v1.QuizQuestion'];
export type RebateAtRisk = components['schemas']['cim.v1.RebateAtRisk'];
export type RebateRule = components['schemas']['cim.v1.RebateRule'];
export type RebateTier = components['schemas']['cim.v1.RebateTier'];
export type RecognitionSummary = components['schemas']['cim.v1.RecognitionSummary'];
export type RedemptionOrder = components['schemas']['cim.v1.RedemptionOrder'];
export type RedemptionOrderActionRequest = components['schemas']['cim.v1.RedemptionOrderActionRequest'];
export type RedemptionOrderEvent = components['schemas']['cim.v1.RedemptionOrderEvent'];
export type RenewRecoveryCodesRequest = components['schemas']['cim.v1.RenewRecoveryCodesRequest'];
export type RenewRecoveryCodesResponse = components['schemas']['cim.v1.RenewRecoveryCodesResponse'];
export type RequestPasswordResetRequest = components['schemas']['cim.v1.RequestPasswordResetRequest'];
export type RequestPasswordResetResponse = components['schemas']['cim.v1.RequestPasswordResetResponse'];
export type ResetPasswordRequest = components['schemas']['cim.v1.ResetPasswordRequest'];
export type ResetPasswordResponse = components['schemas']['cim.v1.ResetPasswordResponse'];
export type ResetTwoStepRequest = components['schemas']['cim.v1.ResetTwoStepRequest'];
export type ResetTwoStepResponse = components['schemas']['cim.v1.ResetTwoStepResponse'];
export type ResolveDisputeRequest = components['schemas']['cim.v1.ResolveDisputeRequest'];
export type RespondToSurveyRequest = components['schemas']['cim.v1.RespondToSurveyRequest'];
export type RespondToSurveyResponse = components['schemas']['cim.v1.RespondToSurveyResponse'];
export type ResubmitClaimRequest = components['schemas']['cim.v1.ResubmitClaimRequest'];
export type ReverseLedgerEntryRequest = components['schemas']['cim.v1.ReverseLedgerEntryRequest'];
export type ReviewClaimRequest = components['schemas']['cim.v1.ReviewClaimRequest'];
export type RevokeApiKeyResponse = components['schemas']['cim.v1.RevokeApiKeyResponse'];
export type RewardItem = components['schemas']['cim.v1.RewardItem'];
export type RewardItemImageMetadata = components['schemas']['cim.v1.RewardItemImageMetadata'];
export type RoiFigures = components['schemas']['cim.v1.RoiFigures'];
export type RuleProgress = components['schemas']['cim.v1.RuleProgress'];
export type SegmentPerformance = components['schemas']['cim.v1.SegmentPerformance'];
export type Session = components['schemas']['cim.v1.Session'];
export type SetKudosBudgetRequest = components['schemas']['cim.v1.SetKudosBudgetRequest'];
export type SetLeaderboardPrivacyRequest = components['schemas']['cim.v1.SetLeaderboardPrivacyRequest'];
export type SetLevelsRequest = components['schemas']['cim.v1.SetLevelsRequest'];
export type SetTierLadderRequest = components['schemas']['cim.v1.SetTierLadderRequest'];
export type SignIn = components['schemas']['cim.v1.SignIn'];
export type SimulateProgramRequest = components['schemas']['cim.v1.SimulateProgramRequest'];
export type SimulatedPartnerRewards = components['schemas']['cim.v1.SimulatedPartnerRewards'];
export type SimulationResult = components['schemas']['cim.v1.SimulationResult'];
export type SpifProduct = components['schemas']['cim.v1.SpifProduct'];
export type SpifRule = components['schemas']['cim.v1.SpifRule'];
export type Statement = components['schemas']['cim.v1.Statement'];
export type StreakCriterion = components['schemas']['cim.v1.StreakCriterion'];
export type SubmitClaimRequest = components['schemas']['cim.v1.SubmitClaimRequest'];
export type SubmitReimbursementRequest = components['schemas']['cim.v1.SubmitReimbursementRequest'];
export type Survey = components['schemas']['cim.v1.Survey'];
export type SurveyComment = components['schemas']['cim.v1.SurveyComment'];
export type SurveyResults = components['schemas']['cim.v1.SurveyResults'];
export type Tier = components['schemas']['cim.v1.Tier'];
export type TierAmount = components['schemas']['cim.v1.TierAmount'];
export type TierChange = components['schemas']['cim.v1.TierChange'];
export type TierCriteria = components['schemas']['cim.v1.TierCriteria'];
export type TierDemotionWarning = components['schemas']['cim.v1.TierDemotionWarning'];
export type TierGap = components['schemas']['cim.v1.TierGap'];
export type TierLadder = components['schemas']['cim.v1.TierLadder'];
export type TrainingCompletion = components['schemas']['cim.v1.TrainingCompletion'];
export type TrainingModule = components['schemas']['cim.v1.TrainingModule'];
export type TurnOffTwoStepRequest = components['schemas']['cim.v1.TurnOffTwoStepRequest'];
export type TurnOffTwoStepResponse = components['schemas']['cim.v1.TurnOffTwoStepResponse'];
export type TwoStep = components['schemas']['cim.v1.TwoStep'];
export type UnsubscribeResponse = components['schemas']['cim.v1.UnsubscribeResponse'];
export type UpdateNotificationSettingsRequest = components['schemas']['cim.v1.UpdateNotificationSettingsRequest'];
export type UpdatePartnerNotificationDefaultsRequest = components['schemas']['cim.v1.UpdatePartnerNotificationDefaultsRequest'];
export type User = components['schemas']['cim.v1.User'];
export type VerifyAuditTrailRequest = components['schemas']['cim.v1.VerifyAuditTrailRequest'];
export type VerifyAuditTrailResponse = components['schemas']['cim.v1.VerifyAuditTrailResponse'];
export type VoidProgramCostRequest = components['schemas']['cim.v1.VoidProgramCostRequest'];
export type WithdrawDisputeRequest = components['schemas']['cim.v1.WithdrawDisputeRequest'];
