// gRPC adapter for cim.v1.NotificationService.
#ifndef CIM_SERVER_RPC_NOTIFICATION_SERVICE_H_
#define CIM_SERVER_RPC_NOTIFICATION_SERVICE_H_

#include "absl/time/time.h"
#include "cim/v1/notification_service.grpc.pb.h"
#include "server/identity/authenticator.h"
#include "server/notification/notifications.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

class NotificationServiceImpl final : public cim::v1::NotificationService::Service {
 public:
  // WatchNotifications checks for changes every `watch_poll`.
  NotificationServiceImpl(Authenticator& auth, Notifications& notifications,
                          absl::Duration watch_poll = absl::Seconds(1))
      : rpc_(auth, cim::v1::NotificationService::service_full_name()),
        notifications_(notifications),
        watch_poll_(watch_poll) {}

  grpc::Status ListNotifications(grpc::ServerContext* context,
                                 const cim::v1::ListNotificationsRequest* request,
                                 cim::v1::ListNotificationsResponse* response) override;
  grpc::Status MarkNotificationsRead(grpc::ServerContext* context,
                                     const cim::v1::MarkNotificationsReadRequest* request,
                                     cim::v1::MarkNotificationsReadResponse* response) override;
  grpc::Status WatchNotifications(
      grpc::ServerContext* context, const cim::v1::WatchNotificationsRequest* request,
      grpc::ServerWriter<cim::v1::NotificationsUpdate>* writer) override;
  grpc::Status GetNotificationSettings(grpc::ServerContext* context,
                                       const cim::v1::GetNotificationSettingsRequest* request,
                                       cim::v1::NotificationSettings* response) override;
  grpc::Status UpdateNotificationSettings(grpc::ServerContext* context,
                                          const cim::v1::UpdateNotificationSettingsRequest* request,
                                          cim::v1::NotificationSettings* response) override;
  grpc::Status GetPartnerNotificationDefaults(
      grpc::ServerContext* context, const cim::v1::GetPartnerNotificationDefaultsRequest* request,
      cim::v1::PartnerNotificationDefaults* response) override;
  grpc::Status UpdatePartnerNotificationDefaults(
      grpc::ServerContext* context,
      const cim::v1::UpdatePartnerNotificationDefaultsRequest* request,
      cim::v1::PartnerNotificationDefaults* response) override;
  // Without sign-in: the token in the request is the credential.
  grpc::Status Unsubscribe(grpc::ServerContext* context, const cim::v1::UnsubscribeRequest* request,
                           cim::v1::UnsubscribeResponse* response) override;

 private:
  RpcHandler rpc_;
  Notifications& notifications_;
  absl::Duration watch_poll_;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_NOTIFICATION_SERVICE_H_
