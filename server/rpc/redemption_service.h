// The gRPC adapter of cim.v1.RedemptionService: the rewards catalog and redemption orders.
#ifndef CIM_SERVER_RPC_REDEMPTION_SERVICE_H_
#define CIM_SERVER_RPC_REDEMPTION_SERVICE_H_

#include "cim/v1/redemption_service.grpc.pb.h"
#include "server/identity/authenticator.h"
#include "server/redemption/redemption.h"
#include "server/rpc/rpc_handler.h"

namespace cim {

class RedemptionServiceImpl final : public cim::v1::RedemptionService::Service {
 public:
  RedemptionServiceImpl(Authenticator& auth, Redemption& redemption)
      : rpc_(auth, cim::v1::RedemptionService::service_full_name()), redemption_(redemption) {}

  grpc::Status CreateRewardItem(grpc::ServerContext* context,
                                const cim::v1::CreateRewardItemRequest* request,
                                cim::v1::RewardItem* response) override;
  grpc::Status UpdateRewardItem(grpc::ServerContext* context,
                                const cim::v1::UpdateRewardItemRequest* request,
                                cim::v1::RewardItem* response) override;
  grpc::Status AdjustRewardItemStock(grpc::ServerContext* context,
                                     const cim::v1::AdjustRewardItemStockRequest* request,
                                     cim::v1::RewardItem* response) override;
  grpc::Status GetRewardItem(grpc::ServerContext* context,
                             const cim::v1::GetRewardItemRequest* request,
                             cim::v1::RewardItem* response) override;
  grpc::Status ListRewardItems(grpc::ServerContext* context,
                               const cim::v1::ListRewardItemsRequest* request,
                               cim::v1::ListRewardItemsResponse* response) override;
  grpc::Status UploadRewardItemImage(
      grpc::ServerContext* context,
      grpc::ServerReader<cim::v1::UploadRewardItemImageRequest>* reader,
      cim::v1::RewardItem* response) override;
  grpc::Status DownloadRewardItemImage(
      grpc::ServerContext* context, const cim::v1::DownloadRewardItemImageRequest* request,
      grpc::ServerWriter<cim::v1::DownloadRewardItemImageResponse>* writer) override;
  grpc::Status PlaceRedemptionOrder(grpc::ServerContext* context,
                                    const cim::v1::PlaceRedemptionOrderRequest* request,
                                    cim::v1::RedemptionOrder* response) override;
  grpc::Status GetRedemptionOrder(grpc::ServerContext* context,
                                  const cim::v1::GetRedemptionOrderRequest* request,
                                  cim::v1::RedemptionOrder* response) override;
  grpc::Status ListRedemptionOrders(grpc::ServerContext* context,
                                    const cim::v1::ListRedemptionOrdersRequest* request,
                                    cim::v1::ListRedemptionOrdersResponse* response) override;
  grpc::Status ApproveRedemptionOrder(grpc::ServerContext* context,
                                      const cim::v1::RedemptionOrderActionRequest* request,
                                      cim::v1::RedemptionOrder* response) override;
  grpc::Status RefuseRedemptionOrder(grpc::ServerContext* context,
                                     const cim::v1::RedemptionOrderActionRequest* request,
                                     cim::v1::RedemptionOrder* response) override;
  grpc::Status FulfilRedemptionOrder(grpc::ServerContext* context,
                                     const cim::v1::RedemptionOrderActionRequest* request,
                                     cim::v1::RedemptionOrder* response) override;
  grpc::Status MarkRedemptionOrderDelivered(grpc::ServerContext* context,
                                            const cim::v1::RedemptionOrderActionRequest* request,
                                            cim::v1::RedemptionOrder* response) override;
  grpc::Status CancelRedemptionOrder(grpc::ServerContext* context,
                                     const cim::v1::RedemptionOrderActionRequest* request,
                                     cim::v1::RedemptionOrder* response) override;
  grpc::Status FulfilRedemptionOrdersFromCsv(
      grpc::ServerContext* context, const cim::v1::FulfilRedemptionOrdersFromCsvRequest* request,
      cim::v1::FulfilRedemptionOrdersFromCsvResponse* response) override;

 private:
  grpc::Status Act(grpc::ServerContext* context,
                   const cim::v1::RedemptionOrderActionRequest* request, OrderAction action,
                   const char* method, cim::v1::RedemptionOrder* response);

  RpcHandler rpc_;
  Redemption& redemption_;
};

}  // namespace cim

#endif  // CIM_SERVER_RPC_REDEMPTION_SERVICE_H_
