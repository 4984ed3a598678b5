import { DynamicModule, Module } from '@nestjs/common';
import { CouponsModule } from '../coupons/coupons.module';
import { CreateWebhookEndpointService } from './create-webhook-endpoint.service';
import { DeleteWebhookEndpointService } from './delete-webhook-endpoint.service';
import { EventRedeliveryController } from './event-redelivery.controller';
import { ListWebhookDeliveriesService } from './list-webhook-deliveries.service';
import { PurgeWebhookDeliveriesService } from './purge-webhook-deliveries.service';
import { RedeliverEventService } from './redeliver-event.service';
import { RotateWebhookEndpointSecretService } from './rotate-webhook-endpoint-secret.service';
import { UpdateWebhookEndpointService } from './update-webhook-endpoint.service';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDeliveryWorker } from './webhook-delivery-worker';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEndpointsController } from './webhook-endpoints.controller';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookRetryPolicy } from './webhook-retry-policy';

@Module({})
export class WebhooksModule {
  /**
   * `deliver`: this process fans events out and sends them (API processes, unless WEBHOOK_WORKERS=off);
   * the CLI only writes events, which an API process delivers.
   */
  static forRoot({ deliver }: { deliver: boolean }): DynamicModule {
    return {
      module: WebhooksModule,
      imports: [CouponsModule],
      controllers: [WebhookEndpointsController, EventRedeliveryController],
      providers: [
        WebhookEndpointsRepository,
        WebhookDeliveriesRepository,
        WebhookEndpointsService,
        CreateWebhookEndpointService,
        UpdateWebhookEndpointService,
        DeleteWebhookEndpointService,
        RotateWebhookEndpointSecretService,
        ListWebhookDeliveriesService,
        RedeliverEventService,
        PurgeWebhookDeliveriesService,
        ...(deliver ? [WebhookRetryPolicy, WebhookDeliveryWorker, WebhookDispatcher] : []),
      ],
      exports: [PurgeWebhookDeliveriesService],
    };
  }
}
