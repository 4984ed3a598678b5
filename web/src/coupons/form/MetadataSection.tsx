import { LIMITS } from '@coupons/domain';
import { FormSection } from '../../ui/FormSection';
import { MetadataRows } from './MetadataRows';
import type { SectionProps } from './section-props';

export function MetadataSection({ values, set, errors }: SectionProps) {
  return (
    <FormSection
      title="Metadata"
      description={`Your own key/value notes, returned with the coupon. Up to ${LIMITS.metadataMaxKeys} entries.`}
    >
      <MetadataRows rows={values.metadata} set={(metadata) => set({ metadata })} error={errors.metadata} />
    </FormSection>
  );
}
