#include "server/rpc/notification_service.h"

#include "lib/audit_scope.h"
#include "server/rpc/call_auth.h"

namespace cim {

grpc::Status NotificationServiceImpl::ListNotifications(
    grpc::ServerContext* context, const cim::v1::ListNotificationsRequest* request,
    cim::v1::ListNotificationsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(notifications_.List(p, *request), response);
  });
}

grpc::Status NotificationServiceImpl::MarkNotificationsRead(
    grpc::ServerContext* context, const cim::v1::MarkNotificationsReadRequest* request,
    cim::v1::MarkNotificationsReadResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(notifications_.MarkRead(p, *request), response);
  });
}

grpc::Status NotificationServiceImpl::WatchNotifications(
    grpc::ServerContext* context, const cim::v1::WatchNotificationsRequest* request,
    grpc::ServerWriter<cim::v1::NotificationsUpdate>* writer) {
  return rpc_.Run(*context, __func__, *request, nullptr, [&](const Principal& p) {
    return notifications_.Watch(
        p, watch_poll_, [&](absl::Duration poll) { return WaitUnlessCancelled(*context, poll); },
        [&](const cim::v1::NotificationsUpdate& update) {
          return writer->Write(ForReader(p, update));
        });
  });
}

grpc::Status NotificationServiceImpl::GetNotificationSettings(
    grpc::ServerContext* context, const cim::v1::GetNotificationSettingsRequest* request,
    cim::v1::NotificationSettings* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(notifications_.GetSettings(p), response);
  });
}

grpc::Status NotificationServiceImpl::UpdateNotificationSettings(
    grpc::ServerContext* context, const cim::v1::UpdateNotificationSettingsRequest* request,
    cim::v1::NotificationSettings* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(notifications_.UpdateSettings(p, *request), response);
  });
}

grpc::Status NotificationServiceImpl::GetPartnerNotificationDefaults(
    grpc::ServerContext* context, const cim::v1::GetPartnerNotificationDefaultsRequest* request,
    cim::v1::PartnerNotificationDefaults* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(notifications_.GetPartnerDefaults(p, *request), response);
  });
}

grpc::Status NotificationServiceImpl::UpdatePartnerNotificationDefaults(
    grpc::ServerContext* context, const cim::v1::UpdatePartnerNotificationDefaultsRequest* request,
    cim::v1::PartnerNotificationDefaults* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(notifications_.UpdatePartnerDefaults(p, *request), response);
  });
}

grpc::Status NotificationServiceImpl::Unsubscribe(grpc::ServerContext* context,
                                                  const cim::v1::UnsubscribeRequest* request,
                                                  cim::v1::UnsubscribeResponse* response) {
  return rpc_.RunAnonymous(*context, __func__, *request, response,
                           [&] { return Assign(notifications_.Unsubscribe(*request), response); });
}

}  // namespace cim
