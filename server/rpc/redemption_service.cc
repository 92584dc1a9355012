#include "server/rpc/redemption_service.h"

#include "server/rpc/call_auth.h"
#include "server/rpc/upload_stream.h"

namespace cim {

grpc::Status RedemptionServiceImpl::CreateRewardItem(
    grpc::ServerContext* context, const cim::v1::CreateRewardItemRequest* request,
    cim::v1::RewardItem* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(redemption_.CreateItem(p, request->item()), response);
  });
}

grpc::Status RedemptionServiceImpl::UpdateRewardItem(
    grpc::ServerContext* context, const cim::v1::UpdateRewardItemRequest* request,
    cim::v1::RewardItem* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(redemption_.UpdateItem(p, request->item(), request->update_mask()), response);
  });
}

grpc::Status RedemptionServiceImpl::AdjustRewardItemStock(
    grpc::ServerContext* context, const cim::v1::AdjustRewardItemStockRequest* request,
    cim::v1::RewardItem* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(redemption_.AdjustStock(p, *request), response);
  });
}

grpc::Status RedemptionServiceImpl::GetRewardItem(grpc::ServerContext* context,
                                                  const cim::v1::GetRewardItemRequest* request,
                                                  cim::v1::RewardItem* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(redemption_.GetItem(p, request->item_id()), response);
  });
}

grpc::Status RedemptionServiceImpl::ListRewardItems(grpc::ServerContext* context,
                                                    const cim::v1::ListRewardItemsRequest* request,
                                                    cim::v1::ListRewardItemsResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(redemption_.ListItems(p, *request), response);
  });
}

grpc::Status RedemptionServiceImpl::UploadRewardItemImage(
    grpc::ServerContext* context, grpc::ServerReader<cim::v1::UploadRewardItemImageRequest>* reader,
    cim::v1::RewardItem* response) {
  return rpc_.RunStreaming(*context, __func__, response, [&](const Principal& p) -> absl::Status {
    cim::v1::RewardItemImageMetadata metadata;
    std::string bytes;
    CIM_RETURN_IF_ERROR(ReadUpload(*context, *reader, kMaxImageBytes, metadata, bytes));
    return Assign(redemption_.UploadImage(p, metadata, bytes), response);
  });
}

grpc::Status RedemptionServiceImpl::DownloadRewardItemImage(
    grpc::ServerContext* context, const cim::v1::DownloadRewardItemImageRequest* request,
    grpc::ServerWriter<cim::v1::DownloadRewardItemImageResponse>* writer) {
  return rpc_.Run(*context, __func__, *request, nullptr, [&](const Principal& p) {
    cim::v1::DownloadRewardItemImageResponse message;
    return redemption_.DownloadImage(
        p, request->image_id(),
        [&](const cim::v1::RewardItemImage& metadata) {
          *message.mutable_metadata() = metadata;
          writer->Write(message);
        },
        [&](const std::string& chunk) {
          message.set_chunk(chunk);
          return writer->Write(message);
        });
  });
}

grpc::Status RedemptionServiceImpl::PlaceRedemptionOrder(
    grpc::ServerContext* context, const cim::v1::PlaceRedemptionOrderRequest* request,
    cim::v1::RedemptionOrder* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(redemption_.PlaceOrder(p, *request), response);
  });
}

grpc::Status RedemptionServiceImpl::GetRedemptionOrder(
    grpc::ServerContext* context, const cim::v1::GetRedemptionOrderRequest* request,
    cim::v1::RedemptionOrder* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(redemption_.GetOrder(p, request->order_id()), response);
  });
}

grpc::Status RedemptionServiceImpl::ListRedemptionOrders(
    grpc::ServerContext* context, const cim::v1::ListRedemptionOrdersRequest* request,
    cim::v1::ListRedemptionOrdersResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(redemption_.ListOrders(p, *request), response);
  });
}

grpc::Status RedemptionServiceImpl::Act(grpc::ServerContext* context,
                                        const cim::v1::RedemptionOrderActionRequest* request,
                                        OrderAction action, const char* method,
                                        cim::v1::RedemptionOrder* response) {
  return rpc_.Run(*context, method, *request, response, [&](const Principal& p) {
    return Assign(redemption_.Act(p, *request, action), response);
  });
}

grpc::Status RedemptionServiceImpl::ApproveRedemptionOrder(
    grpc::ServerContext* context, const cim::v1::RedemptionOrderActionRequest* request,
    cim::v1::RedemptionOrder* response) {
  return Act(context, request, OrderAction::kApprove, __func__, response);
}

grpc::Status RedemptionServiceImpl::RefuseRedemptionOrder(
    grpc::ServerContext* context, const cim::v1::RedemptionOrderActionRequest* request,
    cim::v1::RedemptionOrder* response) {
  return Act(context, request, OrderAction::kRefuse, __func__, response);
}

grpc::Status RedemptionServiceImpl::FulfilRedemptionOrder(
    grpc::ServerContext* context, const cim::v1::RedemptionOrderActionRequest* request,
    cim::v1::RedemptionOrder* response) {
  return Act(context, request, OrderAction::kFulfil, __func__, response);
}

grpc::Status RedemptionServiceImpl::MarkRedemptionOrderDelivered(
    grpc::ServerContext* context, const cim::v1::RedemptionOrderActionRequest* request,
    cim::v1::RedemptionOrder* response) {
  return Act(context, request, OrderAction::kDeliver, __func__, response);
}

grpc::Status RedemptionServiceImpl::CancelRedemptionOrder(
    grpc::ServerContext* context, const cim::v1::RedemptionOrderActionRequest* request,
    cim::v1::RedemptionOrder* response) {
  return Act(context, request, OrderAction::kCancel, __func__, response);
}

grpc::Status RedemptionServiceImpl::FulfilRedemptionOrdersFromCsv(
    grpc::ServerContext* context, const cim::v1::FulfilRedemptionOrdersFromCsvRequest* request,
    cim::v1::FulfilRedemptionOrdersFromCsvResponse* response) {
  return rpc_.Run(*context, __func__, *request, response, [&](const Principal& p) {
    return Assign(redemption_.FulfilFromCsv(p, *request), response);
  });
}

}  // namespace cim
